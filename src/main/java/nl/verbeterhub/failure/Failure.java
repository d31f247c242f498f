package nl.verbeterhub.failure;

/** What to do about a failed extract. */
public enum Failure {
    /** The world is not ready (broker, network, state): leave the file, back off, try again. */
    RETRIABLE,
    /** The file itself is the problem: move it to .error/ with a reason, go on with the next. */
    POISON,
    /** A remote source refuses the connector's requests (4xx, a changed host key): stop it, with the reason. */
    STOP
}
