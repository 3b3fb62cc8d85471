/** Postgres protocol v3 on Netty; knows no SQL. */
package org.lakepg.wire;
