//! Work that outlives a page's first render (delayed saves, polling, pending
//! requests, timers): spawned so that it stops when the page goes away, and
//! never touches reactive values that were disposed with it.

use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// The lifetime of the component that made it. Make it in the component's
/// body (not in an effect or an event handler, whose owners are shorter or
/// absent); tasks spawned on it stop when that component is disposed.
#[derive(Clone, Copy)]
pub struct Scope(StoredValue<()>);

impl Scope {
    /// A scope that ends when the current component is disposed.
    #[allow(clippy::new_without_default)]
    pub fn new() -> Self {
        Self(StoredValue::new(()))
    }

    /// Whether the component still lives.
    pub fn alive(&self) -> bool {
        !self.0.is_disposed()
    }

    /// Runs `fut` while the component lives: once it is disposed, the future
    /// is dropped at its next wake-up, before any more of its code runs.
    pub fn spawn(&self, fut: impl Future<Output = ()> + 'static) {
        leptos::task::spawn_local(Scoped {
            fut: Box::pin(fut),
            scope: *self,
        });
    }
}

struct Scoped {
    fut: Pin<Box<dyn Future<Output = ()>>>,
    scope: Scope,
}

impl Future for Scoped {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if !self.scope.alive() {
            return Poll::Ready(());
        }
        self.fut.as_mut().poll(cx)
    }
}
