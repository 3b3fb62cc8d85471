package org.lakepg.server.function;

/**
 * What nextval, currval, setval and lastval need from the session: its sequences and the values it has seen.
 * A sequence is named by its OID (a regclass value) or, until regclass input is available everywhere, by its
 * name as text.
 */
public interface SequenceAccess {

    long nextval(Object sequence);

    long currval(Object sequence);

    long setval(Object sequence, long value, boolean isCalled);

    long lastval();
}
