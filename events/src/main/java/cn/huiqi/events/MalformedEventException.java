package cn.huiqi.events;

/** A record on a topic that is not a readable Huiqi event; consumers park it on the dead-letter topic. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
