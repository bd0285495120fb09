package org.kora.store;

import org.jdbi.v3.core.Handle;

/** One open transaction: gives the DAOs that work inside it. */
public final class Tx {
    private final Handle handle;

    Tx(Handle handle) {
        this.handle = handle;
    }

    /** A DAO ({@code UserDao.class}, …) bound to this transaction. */
    public <D> D dao(Class<D> daoType) {
        return handle.attach(daoType);
    }
}
