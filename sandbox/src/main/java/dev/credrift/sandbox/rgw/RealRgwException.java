package dev.credrift.sandbox.rgw;

/**
 * A step of starting, using or stopping a real RGW failed. The message names the step and carries the tail of
 * the daemon log that explains it, scrubbed of every secret key the cluster handed out; never a command's
 * standard output (that of {@code radosgw-admin} holds secret keys).
 */
public class RealRgwException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String step;

    public RealRgwException(String step, String message) {
        super(step + ": " + message);
        this.step = step;
    }

    /** The step that failed, e.g. {@code start ceph-mon} or {@code radosgw-admin key create}. */
    public String step() {
        return step;
    }
}
