package org.kora.service;

import org.kora.domain.KoraException;

/** The user cancelled an import; nothing was written. */
public final class ImportCancelledException extends KoraException {
    public ImportCancelledException() {
        super("import.cancelled");
    }
}
