package org.healthguides.cli;

/** The command line itself is wrong: exit code 2 with the message and a pointer to --help. */
final class UsageError extends Exception {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
        super(message, null, false, false);
    }
}
