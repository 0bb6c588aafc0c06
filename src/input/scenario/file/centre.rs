//! The serde mirror of a centre with several contact types and agent groups
//! (docs/centres.md): `[[types]]` carry the
//! one-type tables, `[[groups]]` the agents and their skills, `[routing]` the overflow
//! order. Rules about values live in `validate_centre.rs`.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::tables::{
    AgentsFile, ArrivalsFile, CallbackFile, HandlingFile, PatienceFile, RedialFile, ResolutionFile,
    SatisfactionFile, SelfServiceFile, TargetsFile, ValueFile,
};

/// One `[[types]]` entry: a contact type with its own one-type tables.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypeFile {
    pub name: Option<String>,
    pub channel: Option<String>,
    pub arrivals: Option<ArrivalsFile>,
    pub handling: Option<HandlingFile>,
    pub patience: Option<PatienceFile>,
    pub self_service: Option<SelfServiceFile>,
    pub callback: Option<CallbackFile>,
    pub redial: Option<RedialFile>,
    pub resolution: Option<ResolutionFile>,
    pub satisfaction: Option<SatisfactionFile>,
    pub value: Option<ValueFile>,
    pub targets: Option<TargetsFile>,
    pub moved_from: Option<MovedFromFile>,
}

/// `moved_from = { type = "name", share = 0.2 }`: a type's volumes as a share of another's.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MovedFromFile {
    #[serde(rename = "type")]
    pub source: Option<String>,
    pub share: Option<f64>,
}

/// One `[[groups]]` entry: agents, their cost and the types they serve.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupFile {
    pub name: Option<String>,
    pub agents: Option<AgentsFile>,
    pub shifts: Option<Vec<super::shifts::ShiftFile>>,
    pub absenteeism: Option<f64>,
    pub shrinkage: Option<f64>,
    pub agent_hour: Option<f64>,
    pub serves: Option<Vec<String>>,
    pub pick: Option<String>,
    pub chat_slots: Option<i64>,
    pub email_when_idle: Option<i64>,
    pub contracts: Option<Vec<String>>,
}

/// One step of a type's routing in `[routing]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteFile {
    pub group: String,
    pub after_s: Option<f64>,
}

/// `[routing]`: per type name, its groups in order.
pub type RoutingFile = BTreeMap<String, Vec<RouteFile>>;
