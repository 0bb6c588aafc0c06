//! Blending control (`[[groups]] email_when_idle`): a blended group keeps some agents
//! idle for live contacts and works email only with the others, so an email backlog
//! never takes the agents the next calls need. Only email routing asks, so voice and
//! chat pay nothing for the rule; without it an email is taken by any free agent.

use super::agents::GroupState;
use super::Centre;

impl GroupState {
    /// True when an agent may take an email and still leave `email_when_idle` agents idle.
    #[inline]
    pub fn can_take_email(&self) -> bool {
        self.busy + self.spec.email_when_idle < self.on_duty
    }
}

impl Centre<'_> {
    /// The first group in email type `t`'s routing order that may take it at once, with
    /// `t`'s position in that group's `serves`.
    pub(super) fn email_group_for(&self, t: usize) -> Option<(usize, usize)> {
        self.types[t]
            .spec
            .routes
            .iter()
            .find(|r| r.after_s <= 0.0 && self.groups[r.group].can_take_email())
            .map(|r| (r.group, r.served))
    }
}
