package org.lakepg.server.auth;

/** A pg_auth_members row: {@code member} is a member of {@code role}, granted by {@code grantor}. */
public record Membership(long role, long member, long grantor, boolean adminOption) {
}
