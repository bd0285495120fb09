package org.kora.cli;

import java.util.concurrent.Callable;

import org.kora.domain.ChainCheck;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kora audit verify --user NAME}: checks the sign-off hash chain. Not runnable by itself, so
 * that {@code kora audit} without {@code verify} is a usage error.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Checks Kora's records.",
        subcommands = AuditCommand.Verify.class)
final class AuditCommand {
    /**
     * {@code kora audit verify --user NAME}: exit 0 when the chain is intact (with its length and
     * head); 1 naming the first broken entry, or when refused (wrong password, not an administrator);
     * 2 usage.
     */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Checks the sign-off hash chain and names the first entry changed behind Kora's back.")
    static final class Verify implements Callable<Integer> {
        private final KoraCommand root;
        private final Backend backend;

        @Spec
        CommandSpec spec;

        @Option(names = "--user", paramLabel = "NAME", required = true,
                description = "An administrator's account (password from KORA_PASSWORD, else asked).")
        String user;

        Verify(KoraCommand root, Backend backend) {
            this.root = root;
            this.backend = backend;
        }

        @Override
        public Integer call() {
            var messages = root.messages();
            return Credentials.signedIn(root, backend, spec, user, (services, session) -> {
                var check = services.audit().verifyChain(session);
                if (check instanceof ChainCheck.Broken broken) {
                    var err = spec.commandLine().getErr();
                    err.println(messages.format(broken));
                    err.println(messages.get("audit.broken"));
                    return 1;
                }
                spec.commandLine().getOut().println(messages.format("audit.intact", check.count(),
                        ((ChainCheck.Intact) check).head()));
                return 0;
            });
        }
    }
}
