/** Safekeepers (a Ratis quorum per timeline) and the pageserver whose layers live in S3; arrives with the storage-cloud issue. */
package org.lakepg.storage.cloud;
