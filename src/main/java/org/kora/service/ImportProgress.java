package org.kora.service;

/** How a long import tells its progress and learns that the user cancelled it. */
public interface ImportProgress {
    /** For callers that neither show progress nor cancel. */
    ImportProgress NONE = new ImportProgress() {
        @Override
        public void worked(double fraction) {
            // nobody is watching
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** The share of the file done, from 0 to 1; negative when the file's length is unknown. */
    void worked(double fraction);

    /** Polled between rows: true stops the import, and nothing is written. */
    boolean cancelled();
}
