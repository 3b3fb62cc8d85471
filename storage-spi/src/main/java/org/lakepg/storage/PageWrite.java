package org.lakepg.storage;

/** A change of the contents of one page. */
public sealed interface PageWrite extends PageChange permits FullPageImage, PagePatch {

    PageKey key();

    @Override
    default int relation() {
        return key().relation();
    }
}
