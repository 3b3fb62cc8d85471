package org.lakepg.storage;

/** Removes every fork of a relation and forgets its pages; writing to it later starts from nothing. */
public record RelationDrop(int relation) implements PageChange {
}
