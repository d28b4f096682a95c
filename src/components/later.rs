//! Builds the lower parts of a long page one task at a time, after its top has shown.
//!
//! Building a whole tool page is one long task (about 150 ms on a mid-range phone for the
//! pricing comparison), and a tap during it waits until it ends; Lighthouse counts it as
//! blocking time. Parts wrapped in `Later` are built afterwards, in page order, each in a
//! task of its own, so the browser can answer input between them. The first mount uses
//! the same queue: the app's page is one such part, and `takeover` swaps the live app in
//! with `after_all`, once every part is built. A part marked `offscreen` cuts a page's top
//! into tasks: while the app is built off-screen it goes before every other part, and once
//! the app is live it is built with the rest of its page, so nothing moves in view. The
//! static first screens are rendered natively with every part in place.

use leptos::prelude::*;

#[cfg(target_arch = "wasm32")]
mod queue {
    use std::cell::RefCell;
    use std::collections::VecDeque;
    use std::time::Duration;

    type Job = Box<dyn FnOnce()>;

    #[derive(Default)]
    struct Queue {
        /// Parts of the page's top, built before the rest (only on the first mount).
        /// Though nothing shows until every part is built, the order counts: with one
        /// lane for all parts, Lighthouse's blocking time rose from about 40 to 100 ms
        /// on `/` and to 200 to 350 ms on the pricing page (bench-load, 5 runs).
        offscreen: VecDeque<Job>,
        parts: VecDeque<Job>,
        after_all: Vec<Job>,
        running: bool,
    }

    thread_local! {
        static QUEUE: RefCell<Queue> = RefCell::new(Queue::default());
        static LIVE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    pub fn set_live() {
        LIVE.with(|live| live.set(true));
    }

    pub fn live() -> bool {
        LIVE.with(std::cell::Cell::get)
    }

    /// Queues `part`; an `offscreen` one goes ahead of every other part.
    pub fn push(part: Job, offscreen: bool) {
        QUEUE.with(|q| {
            let mut q = q.borrow_mut();
            let lane = if offscreen {
                &mut q.offscreen
            } else {
                &mut q.parts
            };
            lane.push_back(part);
        });
        start();
    }

    pub fn after_all(job: Job) {
        QUEUE.with(|q| q.borrow_mut().after_all.push(job));
        start();
    }

    fn start() {
        let idle = QUEUE.with(|q| !std::mem::replace(&mut q.borrow_mut().running, true));
        if idle {
            leptos::prelude::set_timeout(step, Duration::ZERO);
        }
    }

    /// Builds one part, or, when none is left, runs what waits for them all.
    fn step() {
        let next = QUEUE.with(|q| {
            let mut q = q.borrow_mut();
            q.offscreen.pop_front().or_else(|| q.parts.pop_front())
        });
        match next {
            Some(part) => {
                part();
                leptos::prelude::set_timeout(step, Duration::ZERO);
            }
            None => {
                let jobs = QUEUE.with(|q| {
                    let mut q = q.borrow_mut();
                    q.running = false;
                    std::mem::take(&mut q.after_all)
                });
                jobs.into_iter().for_each(|job| job());
            }
        }
    }
}

/// Runs `job` in a task of its own once the parts queued before it have been built
/// (parts queued later, by what those parts build, wait until after it).
pub fn after_queued(job: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    queue::push(Box::new(job), false);
    #[cfg(not(target_arch = "wasm32"))]
    job();
}

/// Runs `job` once every part waiting in a `Later` has been built (at once if none is).
pub fn after_all(job: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    queue::after_all(Box::new(job));
    #[cfg(not(target_arch = "wasm32"))]
    job();
}

/// Marks the app as in view: from now on an `offscreen` part is built with its page.
pub fn app_is_live() {
    #[cfg(target_arch = "wasm32")]
    queue::set_live();
}

/// Its children, built in a later task than the rest of the page; with `offscreen`, only
/// while the app is built off-screen (see `takeover`), and before the other parts.
#[component]
pub fn Later(children: ChildrenFn, #[prop(optional)] offscreen: bool) -> impl IntoView {
    #[cfg(target_arch = "wasm32")]
    {
        use leptos::either::Either;
        if offscreen && queue::live() {
            return Either::Left(children());
        }
        let ready = RwSignal::new(false);
        // The page may be gone by the time its turn comes.
        let part = Box::new(move || {
            let _ = ready.try_set(true);
        });
        queue::push(part, offscreen);
        Either::Right(move || ready.get().then(|| children()))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = offscreen;
        children()
    }
}
