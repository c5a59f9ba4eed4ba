//! Work that must not freeze the window (reading a corpus, listing its documents,
//! writing an export, waiting for a blocking file dialog) runs on its own thread as a
//! [`Job`]. The job reports progress and partial results through a channel and wakes
//! whoever waits (the app asks for a repaint) after every message; the owner polls it
//! and never blocks.
//!
//! **Cancellation** is cooperative: [`Job::cancel`] (or dropping the job) raises a
//! flag the work reads with [`Reporter::is_cancelled`] at its own checkpoints, and
//! every message sent after it is thrown away. Work that cannot stop midway (a write
//! that must finish whole) simply runs to its end unheard.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

/// Called after every message a job sends, from the job's thread: the app passes a
/// function that asks its window for a repaint.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// A waker that does nothing, for jobs nobody waits on (tests, the command line).
pub fn no_waker() -> Waker {
    Arc::new(|| {})
}

/// How far a job has come: `done` of `total` units (files, documents); `total` is 0
/// while the job does not know.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Units done.
    pub done: usize,
    /// Units in all, 0 when unknown.
    pub total: usize,
}

impl Progress {
    /// The share done, `None` while the total is unknown (show a spinner then).
    pub fn fraction(&self) -> Option<f32> {
        (self.total > 0).then(|| (self.done as f32 / self.total as f32).clamp(0.0, 1.0))
    }
}

/// Why a job gave no result.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum JobFailed {
    /// The thread could not be started.
    #[error("cannot start a background task: {0}")]
    NotStarted(String),
    /// The work stopped without a result (it panicked).
    #[error("the background task stopped unexpectedly; nothing was reported")]
    Stopped,
}

enum Message<T, P> {
    Progress(Progress),
    Part(P),
    Done(T),
}

/// What the work holds to report back: progress, partial results, and whether it
/// was cancelled.
pub struct Reporter<T, P> {
    tx: Sender<Message<T, P>>,
    cancelled: Arc<AtomicBool>,
    wake: Waker,
}

impl<T, P> Reporter<T, P> {
    /// Reports `done` of `total` units.
    pub fn progress(&self, done: usize, total: usize) {
        self.send(Message::Progress(Progress { done, total }));
    }

    /// Hands over a partial result (a document's row of the list). Returns false once
    /// nobody listens any more, so the work can stop.
    pub fn part(&self, part: P) -> bool {
        self.send(Message::Part(part))
    }

    /// Whether the owner cancelled the job (or dropped it).
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    fn send(&self, message: Message<T, P>) -> bool {
        if self.is_cancelled() {
            return false;
        }
        let sent = self.tx.send(message).is_ok();
        (self.wake)();
        sent
    }
}

/// A running background task whose result is a `T`, with partial results `P`
/// (none by default).
pub struct Job<T, P = std::convert::Infallible> {
    rx: Receiver<Message<T, P>>,
    cancelled: Arc<AtomicBool>,
    progress: Progress,
    not_started: Option<String>,
}

impl<T: Send + 'static, P: Send + 'static> Job<T, P> {
    /// Runs `work` on a new thread named `name`; `wake` is called after every message.
    pub fn spawn(name: &str, wake: Waker, work: impl FnOnce(&Reporter<T, P>) -> T + Send + 'static) -> Self {
        let (tx, rx) = channel();
        let cancelled = Arc::new(AtomicBool::new(false));
        let reporter = Reporter { tx, cancelled: cancelled.clone(), wake };
        let spawned = std::thread::Builder::new().name(name.to_owned()).spawn(move || {
            let result = work(&reporter);
            reporter.send(Message::Done(result));
        });
        let not_started = spawned.err().map(|e| e.to_string());
        Self { rx, cancelled, progress: Progress::default(), not_started }
    }
}

impl<T, P> Job<T, P> {
    /// Takes what arrived since the last poll: partial results go to `on_part`, and
    /// the result (or why there is none) is returned once the work is over.
    pub fn poll(&mut self, mut on_part: impl FnMut(P)) -> Option<Result<T, JobFailed>> {
        if let Some(reason) = self.not_started.take() {
            return Some(Err(JobFailed::NotStarted(reason)));
        }
        loop {
            match self.rx.try_recv() {
                Ok(Message::Progress(p)) => self.progress = p,
                Ok(Message::Part(part)) => on_part(part),
                Ok(Message::Done(result)) => return Some(Ok(result)),
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => return Some(Err(JobFailed::Stopped)),
            }
        }
    }

    /// The last progress reported.
    pub fn progress(&self) -> Progress {
        self.progress
    }

    /// Asks the work to stop; nothing it sends afterwards is delivered.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }
}

impl<T, P> Drop for Job<T, P> {
    fn drop(&mut self) {
        self.cancel();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicUsize;
    use std::time::{Duration, Instant};

    use super::*;

    /// Polls until the job is over (at most two seconds).
    fn finish<T, P>(job: &mut Job<T, P>, parts: &mut Vec<P>) -> Result<T, JobFailed> {
        let deadline = Instant::now() + Duration::from_secs(2);
        loop {
            if let Some(result) = job.poll(|p| parts.push(p)) {
                return result;
            }
            assert!(Instant::now() < deadline, "the job did not finish");
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    #[test]
    fn a_job_delivers_progress_parts_and_its_result_and_wakes_each_time() {
        let wakes = Arc::new(AtomicUsize::new(0));
        let counter = wakes.clone();
        let wake: Waker = Arc::new(move || {
            counter.fetch_add(1, Ordering::Relaxed);
        });
        let mut job: Job<&str, usize> = Job::spawn("test-job", wake, |r| {
            for i in 0..3 {
                r.part(i);
                r.progress(i + 1, 3);
            }
            "done"
        });
        let mut parts = Vec::new();
        assert_eq!(finish(&mut job, &mut parts), Ok("done"));
        assert_eq!(parts, [0, 1, 2]);
        assert_eq!(job.progress(), Progress { done: 3, total: 3 });
        assert_eq!(job.progress().fraction(), Some(1.0));
        assert_eq!(wakes.load(Ordering::Relaxed), 7, "3 parts, 3 progress reports, 1 result");
    }

    #[test]
    fn a_cancelled_job_stops_at_its_next_checkpoint_and_reports_nothing_more() {
        let (go_tx, go_rx) = channel::<()>();
        let (seen_tx, seen_rx) = channel::<bool>();
        let mut job: Job<u32, u32> = Job::spawn("test-cancel", no_waker(), move |r| {
            let _ = go_rx.recv();
            let _ = seen_tx.send(r.is_cancelled());
            r.part(1);
            7
        });
        job.cancel();
        go_tx.send(()).unwrap();
        assert_eq!(seen_rx.recv_timeout(Duration::from_secs(2)), Ok(true), "the work sees the flag");
        std::thread::sleep(Duration::from_millis(20));
        let mut parts = Vec::new();
        assert_eq!(job.poll(|p| parts.push(p)), Some(Err(JobFailed::Stopped)), "no result after cancelling");
        assert!(parts.is_empty());
    }

    #[test]
    fn a_panicking_job_is_reported_as_stopped() {
        let mut job: Job<u32> = Job::spawn("test-panic", no_waker(), |_| panic!("boom"));
        let result = finish(&mut job, &mut Vec::new());
        assert_eq!(result, Err(JobFailed::Stopped));
        assert_eq!(result.unwrap_err().to_string(), "the background task stopped unexpectedly; nothing was reported");
    }

    #[test]
    fn unknown_totals_have_no_fraction() {
        assert_eq!(Progress::default().fraction(), None);
        assert_eq!(Progress { done: 1, total: 4 }.fraction(), Some(0.25));
    }
}
