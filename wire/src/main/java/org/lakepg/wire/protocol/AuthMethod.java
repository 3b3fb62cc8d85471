package org.lakepg.wire.protocol;

/** How a connection must authenticate (the pg_hba.conf method). */
public enum AuthMethod { TRUST, PASSWORD, MD5, SCRAM_SHA_256, REJECT }
