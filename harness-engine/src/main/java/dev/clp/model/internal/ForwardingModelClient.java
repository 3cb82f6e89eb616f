package dev.clp.model.internal;

import dev.clp.model.ModelClient;

/** Base of the layers around a model client: name, simulated flag and close go to the wrapped client. */
abstract class ForwardingModelClient implements ModelClient {

    protected final ModelClient delegate;

    ForwardingModelClient(ModelClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public boolean simulated() {
        return delegate.simulated();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
