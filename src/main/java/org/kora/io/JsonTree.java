package org.kora.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A JSON document as a tree whose every node knows its path ({@code trainees[3].leave[0].from})
 * and line, so that a bad field is reported where the user can find it. Jackson's own tree
 * forgets positions, hence this small one.
 */
final class JsonTree {
    private JsonTree() {
    }

    /** A JSON value with where it stands. */
    sealed interface Node permits Fields, Items, Value {
        String path();

        int line();
    }

    /** A JSON object; fields in file order, the last of a repeated name wins as in most JSON readers. */
    record Fields(String path, int line, Map<String, Node> fields) implements Node {
    }

    /** A JSON array. */
    record Items(String path, int line, List<Node> items) implements Node {
    }

    /** A string, number, boolean or null: its token and text. */
    record Value(String path, int line, JsonToken token, String text) implements Node {
        boolean isNull() {
            return token == JsonToken.VALUE_NULL;
        }
    }

    /** Reads the value at the parser's next token. */
    static Node read(JsonParser parser) throws IOException {
        parser.nextToken();
        var node = read(parser, "");
        if (parser.nextToken() != null) {
            throw new JsonParseException(parser, "more content after the document");
        }
        return node;
    }

    private static Node read(JsonParser parser, String path) throws IOException {
        var line = parser.currentTokenLocation().getLineNr();
        var token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            var fields = new LinkedHashMap<String, Node>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                var name = parser.currentName();
                parser.nextToken();
                fields.put(name, read(parser, path.isEmpty() ? name : path + "." + name));
            }
            return new Fields(path, line, fields);
        }
        if (token == JsonToken.START_ARRAY) {
            var items = new ArrayList<Node>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(parser, path + "[" + items.size() + "]"));
            }
            return new Items(path, line, items);
        }
        return new Value(path, line, token, parser.getText());
    }
}
