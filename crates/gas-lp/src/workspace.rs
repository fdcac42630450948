//! Working memory a solver keeps between solves of problems of the same shape.

use std::any::Any;

/// Reusable working memory of a [`crate::Solver`] across a sequence of solves
/// ([`crate::Solver::solve_in`]), such as the windows of a rolling horizon.
///
/// A backend may keep whatever it built for the last problem here (the network simplex
/// keeps its network and its working arrays) and, when the next problem has the same
/// structure (same rows and columns, same nonzero pattern, same kinds of bounds; only
/// bound values, costs and right-hand sides changed), update them in place instead of
/// building them again. The result of a solve never depends on what the workspace holds:
/// the starting point is still the one [`crate::SolveOptions::warm_start`] asks for.
///
/// Keep one workspace per sequence of similar problems; one that was used for a problem
/// of another shape still works (the backend rebuilds, reusing the allocations it can).
#[derive(Default)]
pub struct Workspace {
    inner: Option<Box<dyn Any + Send>>,
}

impl std::fmt::Debug for Workspace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workspace")
            .field("holds_state", &self.inner.is_some())
            .finish()
    }
}

impl Workspace {
    /// An empty workspace.
    pub fn new() -> Workspace {
        Workspace::default()
    }

    /// Whether a solve has left state here.
    pub fn is_empty(&self) -> bool {
        self.inner.is_none()
    }

    /// Takes the state of type `T` out (none when empty or of another backend's type).
    pub(crate) fn take<T: Any + Send>(&mut self) -> Option<Box<T>> {
        self.inner.take()?.downcast::<T>().ok()
    }

    /// Stores `state` for the next solve.
    pub(crate) fn put<T: Any + Send>(&mut self, state: Box<T>) {
        self.inner = Some(state);
    }
}
