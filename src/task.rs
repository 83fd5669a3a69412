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

/// A read from the backend: `None` until its first answer, then the latest
/// answer (the previous one stays on screen while a newer one loads). It
/// reads again when a signal its fetcher reads changes, or on
/// [`refetch`](Read::refetch); an answer overtaken by a newer read is
/// dropped, and the work stops with the component that made it.
///
/// Leptos' `LocalResource` does the same with its async-derived machinery,
/// compiled anew for every value type: this is a signal, an effect and a
/// spawned future (about 10 KiB brotli less for the customer's first page;
/// issue 12).
pub struct Read<T: 'static> {
    value: RwSignal<Option<T>, LocalStorage>,
    again: Trigger,
}

impl<T: 'static> Clone for Read<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: 'static> Copy for Read<T> {}

impl<T: Clone + 'static> Read<T> {
    /// Starts reading with `fetch` (run again whenever what it reads changes).
    pub fn new<Fut>(fetch: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: Future<Output = T> + 'static,
    {
        let value = RwSignal::new_local(None);
        let again = Trigger::new();
        let scope = Scope::new();
        let latest = StoredValue::new(0u64);
        Effect::new(move |_| {
            again.track();
            let answer = fetch();
            let mine = latest.get_value().wrapping_add(1);
            latest.set_value(mine);
            scope.spawn(async move {
                let answer = answer.await;
                if latest.get_value() == mine {
                    value.set(Some(answer));
                }
            });
        });
        Self { value, again }
    }

    /// The latest answer (tracked), `None` before the first.
    pub fn get(&self) -> Option<T> {
        self.value.get()
    }

    /// The latest answer, untracked.
    pub fn get_untracked(&self) -> Option<T> {
        self.value.get_untracked()
    }

    /// Reads again (the current answer stays until the new one arrives).
    pub fn refetch(&self) {
        self.again.notify();
    }
}

/// What a [`Write`] runs: one boxed future type for every write.
type Runner<I, O> = std::rc::Rc<dyn Fn(&I) -> Pin<Box<dyn Future<Output = O>>>>;

/// A write the user asks for (Leptos' `Action`, lighter): each
/// [`dispatch`](Write::dispatch) runs the request on the component's
/// [`Scope`]; [`pending`](Write::pending) is true while one runs and
/// [`value`](Write::value) holds the latest dispatch's answer.
pub struct Write<I: 'static, O: 'static> {
    run: StoredValue<Runner<I, O>, LocalStorage>,
    running: RwSignal<u32>,
    value: RwSignal<Option<O>, LocalStorage>,
    latest: StoredValue<u64>,
    scope: Scope,
}

impl<I: 'static, O: 'static> Clone for Write<I, O> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<I: 'static, O: 'static> Copy for Write<I, O> {}

impl<I: 'static, O: Clone + 'static> Write<I, O> {
    /// A write that runs `run(input)` on each dispatch.
    pub fn new<Fut>(run: impl Fn(&I) -> Fut + 'static) -> Self
    where
        Fut: Future<Output = O> + 'static,
    {
        let run: Runner<I, O> = std::rc::Rc::new(move |input: &I| Box::pin(run(input)));
        Self {
            run: StoredValue::new_local(run),
            running: RwSignal::new(0),
            value: RwSignal::new_local(None),
            latest: StoredValue::new(0),
            scope: Scope::new(),
        }
    }

    /// Runs the write for `input`.
    pub fn dispatch(&self, input: I) {
        let Some(answer) = self.run.try_with_value(|run| run(&input)) else {
            return;
        };
        let (running, value, latest) = (self.running, self.value, self.latest);
        let mine = latest.get_value().wrapping_add(1);
        latest.set_value(mine);
        running.update(|n| *n += 1);
        self.scope.spawn(async move {
            let answer = answer.await;
            running.update(|n| *n -= 1);
            if latest.get_value() == mine {
                value.set(Some(answer));
            }
        });
    }

    /// Whether a dispatch is running.
    pub fn pending(&self) -> Signal<bool> {
        let running = self.running;
        Signal::derive(move || running.get() > 0)
    }

    /// The latest dispatch's answer, once it has come.
    pub fn value(&self) -> ReadSignal<Option<O>, LocalStorage> {
        self.value.read_only()
    }
}
