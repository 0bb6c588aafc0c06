//! The streamed counters of a replication: counts and running sums per interval of the
//! day (by arrival interval for contacts, by clock time for agent time), which merge by
//! addition. Memory is fixed by the number of intervals, whatever the number of contacts.

use super::SCORES;

/// Counters of one interval of the day, summed over the days of a replication.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IntervalCounters {
    /// Contacts that arrived in this interval.
    pub offered: u64,
    /// Arrivals that found every trunk line taken.
    pub blocked: u64,
    /// Contacts that reached an agent.
    pub answered: u64,
    /// Answered contacts that waited at most the service-level threshold.
    pub answered_within: u64,
    /// Contacts that left the queue before an agent answered.
    pub abandoned: u64,
    /// Of those, abandons within the type's `short_abandon_s` of waiting.
    pub short_abandoned: u64,
    /// Contacts that could not get an agent at once.
    pub delayed: u64,
    /// Total wait of answered contacts, seconds.
    pub wait_answered_s: f64,
    /// Total wait of abandoned contacts, seconds.
    pub wait_abandoned_s: f64,
    /// Total handle time (talk + hold + wrap-up) of answered contacts, seconds.
    pub handle_s: f64,
    /// Agent-seconds spent handling contacts during this interval (clock time).
    pub busy_agent_s: f64,
    /// Productive agent-seconds on duty during this interval (clock time).
    pub productive_agent_s: f64,
    /// Paid agent-seconds scheduled in this interval.
    pub paid_agent_s: f64,
    /// Contacts resolved in self-service.
    pub deflected: u64,
    /// Self-service sessions started.
    pub self_service_sessions: u64,
    /// Offered contacts that were redials.
    pub redials: u64,
    /// Offered contacts that were redials after a busy signal (also counted in `redials`).
    pub redials_after_blocked: u64,
    /// Offered contacts that were repeat contacts.
    pub repeats: u64,
    /// Handled contacts (answered or called back) resolved at that contact.
    pub resolved_at_contact: u64,
    /// Callers offered a callback.
    pub callbacks_offered: u64,
    /// Callers who accepted a callback and left the live queue.
    pub callbacks_accepted: u64,
    /// Callbacks that reached the customer.
    pub callbacks_completed: u64,
    /// Callbacks abandoned after the last failed attempt.
    pub callbacks_failed: u64,
    /// Completed callbacks that started within the promised window.
    pub callbacks_within_promise: u64,
    /// Callbacks still owed at the end of the horizon.
    pub callbacks_pending: u64,
    /// Callback attempts made (reached or not).
    pub callback_attempts: u64,
    /// Future contacts (redials, repeats, callback retries) due after the horizon.
    pub carried_over: u64,
    /// Emails still open at the end of the horizon.
    pub open_at_end: u64,
    /// Of those, emails open longer than the deadline.
    pub open_past_deadline: u64,
    /// Of those, emails counted as service-level misses: those past the deadline, or
    /// every one when the deadline is longer than the whole horizon.
    pub open_counted_late: u64,
    /// Emails waiting at this interval's end, summed over days (by clock time).
    pub backlog_end: u64,
    /// Voice and chat contacts that arrived while the calendar had the centre closed
    /// (never offered).
    pub closed_arrivals: u64,
    /// Journeys by the interval of their fresh contact.
    pub journeys: JourneyCounters,
}

/// Counters of the journeys whose fresh contact arrived in one interval.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JourneyCounters {
    /// Journeys ended (including those still open at the horizon, scored as they stand).
    pub journeys: u64,
    /// Ended resolved by an agent.
    pub resolved: u64,
    /// Ended resolved in self-service.
    pub deflected: u64,
    /// Ended after an abandonment or busy signal without trying again.
    pub gave_up: u64,
    /// Ended with every callback attempt failed.
    pub callback_failed: u64,
    /// Ended handled but unresolved, without coming back.
    pub unresolved: u64,
    /// Still under way at the end of the horizon.
    pub still_open: u64,
    /// Contacts summed over journeys.
    pub contacts: u64,
    /// Abandonments summed over journeys.
    pub abandonments: u64,
    /// Seconds waited, summed over journeys.
    pub wait_s: f64,
    /// Number of journeys per score 0..=10.
    pub scores: [u64; SCORES],
}

impl JourneyCounters {
    /// Adds another set of counters to this one.
    pub fn merge(&mut self, o: &Self) {
        self.journeys += o.journeys;
        self.resolved += o.resolved;
        self.deflected += o.deflected;
        self.gave_up += o.gave_up;
        self.callback_failed += o.callback_failed;
        self.unresolved += o.unresolved;
        self.still_open += o.still_open;
        self.contacts += o.contacts;
        self.abandonments += o.abandonments;
        self.wait_s += o.wait_s;
        for (a, b) in self.scores.iter_mut().zip(&o.scores) {
            *a += b;
        }
    }
}

impl IntervalCounters {
    /// Adds another set of counters to this one.
    pub fn merge(&mut self, o: &Self) {
        self.offered += o.offered;
        self.blocked += o.blocked;
        self.answered += o.answered;
        self.answered_within += o.answered_within;
        self.abandoned += o.abandoned;
        self.short_abandoned += o.short_abandoned;
        self.delayed += o.delayed;
        self.wait_answered_s += o.wait_answered_s;
        self.wait_abandoned_s += o.wait_abandoned_s;
        self.handle_s += o.handle_s;
        self.busy_agent_s += o.busy_agent_s;
        self.productive_agent_s += o.productive_agent_s;
        self.paid_agent_s += o.paid_agent_s;
        self.deflected += o.deflected;
        self.self_service_sessions += o.self_service_sessions;
        self.redials += o.redials;
        self.redials_after_blocked += o.redials_after_blocked;
        self.repeats += o.repeats;
        self.resolved_at_contact += o.resolved_at_contact;
        self.callbacks_offered += o.callbacks_offered;
        self.callbacks_accepted += o.callbacks_accepted;
        self.callbacks_completed += o.callbacks_completed;
        self.callbacks_failed += o.callbacks_failed;
        self.callbacks_within_promise += o.callbacks_within_promise;
        self.callbacks_pending += o.callbacks_pending;
        self.callback_attempts += o.callback_attempts;
        self.carried_over += o.carried_over;
        self.open_at_end += o.open_at_end;
        self.open_past_deadline += o.open_past_deadline;
        self.open_counted_late += o.open_counted_late;
        self.backlog_end += o.backlog_end;
        self.closed_arrivals += o.closed_arrivals;
        self.journeys.merge(&o.journeys);
    }
}

/// Everything one replication measured.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplicationCounters {
    /// One entry per interval of the day.
    pub intervals: Vec<IntervalCounters>,
    /// Agent-seconds worked after closing to drain the queue (paid as overtime).
    pub overtime_agent_s: f64,
    /// Days simulated.
    pub days: u32,
    /// Age of the oldest email still open at the end of the horizon (0 when none).
    pub oldest_open_s: f64,
}

impl ReplicationCounters {
    /// Zeroed counters for `intervals` intervals.
    pub fn new(intervals: usize) -> Self {
        ReplicationCounters {
            intervals: vec![IntervalCounters::default(); intervals],
            overtime_agent_s: 0.0,
            days: 0,
            oldest_open_s: 0.0,
        }
    }

    /// Sets every counter back to zero, keeping the allocation.
    pub fn reset(&mut self) {
        self.intervals.fill(IntervalCounters::default());
        self.overtime_agent_s = 0.0;
        self.days = 0;
        self.oldest_open_s = 0.0;
    }

    /// The whole day's counters.
    pub fn day_total(&self) -> IntervalCounters {
        let mut t = IntervalCounters::default();
        for i in &self.intervals {
            t.merge(i);
        }
        t
    }

    /// Adds another replication's counters (used to pool days; estimates use replications).
    pub fn merge(&mut self, o: &Self) {
        for (a, b) in self.intervals.iter_mut().zip(&o.intervals) {
            a.merge(b);
        }
        self.overtime_agent_s += o.overtime_agent_s;
        self.days += o.days;
        self.oldest_open_s = self.oldest_open_s.max(o.oldest_open_s);
    }
}

/// Agent time of one group in one replication, by clock interval: what its agents were
/// paid for, were productive for, and spent on each type they serve.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupCounters {
    /// Intervals of the day.
    pub intervals: usize,
    /// Agent-seconds busy per type served (in `serves` order) and interval: index `k × intervals + i`.
    pub busy_s: Vec<f64>,
    /// Productive agent-seconds on duty per interval.
    pub productive_s: Vec<f64>,
    /// Paid agent-seconds per interval.
    pub paid_s: Vec<f64>,
    /// Agent-seconds worked after closing per type served.
    pub overtime_s: Vec<f64>,
    /// Chat-seconds (chats held × time) per interval while open; empty for a group
    /// serving no chat.
    pub chat_s: Vec<f64>,
}

impl GroupCounters {
    /// Zeroed counters for a group serving `types` types over `intervals` intervals.
    pub fn new(types: usize, intervals: usize) -> Self {
        GroupCounters {
            intervals,
            busy_s: vec![0.0; types * intervals],
            productive_s: vec![0.0; intervals],
            paid_s: vec![0.0; intervals],
            overtime_s: vec![0.0; types],
            chat_s: Vec::new(),
        }
    }

    /// Sets every counter back to zero, keeping the allocation.
    pub fn reset(&mut self) {
        self.busy_s.fill(0.0);
        self.productive_s.fill(0.0);
        self.paid_s.fill(0.0);
        self.overtime_s.fill(0.0);
        self.chat_s.fill(0.0);
    }

    /// Adds another set of counters of the same group to this one.
    pub fn merge(&mut self, o: &Self) {
        let add = |a: &mut Vec<f64>, b: &Vec<f64>| a.iter_mut().zip(b).for_each(|(a, b)| *a += b);
        add(&mut self.busy_s, &o.busy_s);
        add(&mut self.productive_s, &o.productive_s);
        add(&mut self.paid_s, &o.paid_s);
        add(&mut self.overtime_s, &o.overtime_s);
        add(&mut self.chat_s, &o.chat_s);
    }

    /// Agent-seconds busy on the `k`-th type served, in interval `i`.
    #[inline]
    pub fn busy(&self, k: usize, i: usize) -> f64 {
        self.busy_s[k * self.intervals + i]
    }

    /// Agent-seconds busy on any type, in interval `i`.
    pub fn busy_total(&self, i: usize) -> f64 {
        (0..self.overtime_s.len()).map(|k| self.busy(k, i)).sum()
    }

    /// The share of interval `i`'s agent time that belongs to the `k`-th type served: its
    /// share of the busy time, or an equal share when nobody was busy. Exactly 1 for a
    /// group serving one type, so a one-type centre's figures are untouched by allocation.
    pub fn share(&self, k: usize, i: usize) -> f64 {
        let types = self.overtime_s.len();
        if types == 1 {
            return 1.0;
        }
        let total = self.busy_total(i);
        if total > 0.0 {
            self.busy(k, i) / total
        } else {
            1.0 / types as f64
        }
    }
}
