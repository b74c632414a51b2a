//! daou rules (to be filled from the guides; see docs/RULES.md).

use crate::check::Ctx;

/// Runs the daou rule set.
pub(crate) fn check(_ctx: &mut Ctx) {}
