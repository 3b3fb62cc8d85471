/** Branches of a database as sessions and functions see them; {@code org.lakepg.server.Branches} implements them. */
package org.lakepg.server.branch;
