package org.lakepg.conformance.causes;

/**
 * What the classifier found for one statement: the cause it is grouped under and, for messages,
 * the message as printed before normalizing (so the report can say which names occur most, e.g.
 * which keyword the syntax errors are at); empty when there is no message.
 */
public record Classification(FailureCause cause, String instance) {
    public Classification {
        instance = instance == null ? "" : instance;
    }
}
