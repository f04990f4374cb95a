//! A whole account as a back end serves it: the demo personas' documents, one of them mutated, and
//! the same account as a copy the person opens on their device.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use proptest::collection::vec;
use proptest::prelude::*;
use serde_json::Value;
use training_account::client::resources;
use training_account::contract::copy::FORMAT;

use crate::mutation::{mutation, Mutated, Mutation};

/// The resources of an account, as the fixtures name them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Resource {
    Me,
    CarryOver,
    Entitlements(i32),
    Attendance(i32),
    Trainings,
}

impl Resource {
    pub fn named(name: &str) -> Option<Resource> {
        let year = |prefix: &str| name.strip_prefix(prefix)?.parse().ok();
        match name {
            "me" => Some(Resource::Me),
            "carry-over" => Some(Resource::CarryOver),
            "trainings" => Some(Resource::Trainings),
            _ => year("entitlements-")
                .map(Resource::Entitlements)
                .or_else(|| year("attendance-").map(Resource::Attendance)),
        }
    }

    pub fn name(self) -> String {
        match self {
            Resource::Me => "me".into(),
            Resource::CarryOver => "carry-over".into(),
            Resource::Entitlements(y) => format!("entitlements-{y}"),
            Resource::Attendance(y) => format!("attendance-{y}"),
            Resource::Trainings => "trainings".into(),
        }
    }

    /// Where the app asks for it.
    pub fn path(self) -> String {
        match self {
            Resource::Me => resources::me().path,
            Resource::CarryOver => resources::carry_over().path,
            Resource::Entitlements(y) => resources::entitlements(y).path,
            Resource::Attendance(y) => resources::attendance(y).path,
            Resource::Trainings => resources::whole_history().path,
        }
    }

    /// Where it is in a copy of the whole account (`contract::copy`).
    pub fn in_copy(self) -> String {
        match self {
            Resource::Me => "me".into(),
            Resource::CarryOver => "carryOver".into(),
            Resource::Entitlements(y) => format!("entitlements.{y}"),
            Resource::Attendance(y) => format!("attendance.{y}"),
            Resource::Trainings => "trainingPages[0]".into(),
        }
    }
}

/// A persona of the demo back end: its documents, the history as one page.
pub struct Persona {
    pub name: String,
    pub docs: Vec<(Resource, Value)>,
}

pub fn personas() -> &'static [Persona] {
    static ALL: OnceLock<Vec<Persona>> = OnceLock::new();
    ALL.get_or_init(|| {
        let root = format!("{}/demo/fixtures", env!("CARGO_MANIFEST_DIR"));
        let mut names: Vec<String> = std::fs::read_dir(&root)
            .expect("the demo's fixtures")
            .filter_map(|e| e.ok().filter(|e| e.path().is_dir()))
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
            .into_iter()
            .map(|name| {
                let mut docs: Vec<(Resource, Value)> = std::fs::read_dir(format!("{root}/{name}"))
                    .expect("a persona's folder")
                    .filter_map(|e| {
                        let path = e.ok()?.path();
                        let resource = Resource::named(path.file_stem()?.to_str()?)?;
                        let doc: Value =
                            serde_json::from_str(&std::fs::read_to_string(&path).ok()?).expect("a fixture is JSON");
                        // not a document but what the demo back end does instead (an error, a generated history)
                        let directive = doc.as_object().is_some_and(|m| m.keys().any(|k| k.starts_with("$demo")));
                        (!directive).then_some((resource, doc))
                    })
                    .map(|(r, doc)| match r {
                        Resource::Trainings => {
                            let total = doc.as_array().map_or(0, Vec::len);
                            (r, serde_json::json!({ "items": doc, "total": total, "next": null }))
                        }
                        _ => (r, doc),
                    })
                    .collect();
                docs.sort_by_key(|(r, _)| r.name());
                Persona { name, docs }
            })
            .collect()
    })
}

/// A generated case: a persona, which of its documents, and what is done to it.
#[derive(Clone, Debug)]
pub struct Case {
    persona: usize,
    resource: usize,
    mutations: Vec<Mutation>,
}

pub fn case() -> impl Strategy<Value = Case> {
    (0..personas().len(), any::<usize>(), vec(mutation(), 1..=3)).prop_map(|(persona, resource, mutations)| Case {
        persona,
        resource,
        mutations,
    })
}

/// An account with one hostile document: what a failing case is kept as
/// (`tests/hostile_data/regressions`), independent of how it was generated.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Hostile {
    pub persona: String,
    pub resource: String,
    pub mutated: Mutated,
}

impl Case {
    pub fn hostile(&self) -> Hostile {
        let persona = &personas()[self.persona];
        let (resource, doc) = &persona.docs[self.resource % persona.docs.len()];
        let mut mutated = Mutated::new(doc.clone());
        for m in &self.mutations {
            mutated.apply(m);
        }
        Hostile { persona: persona.name.clone(), resource: resource.name(), mutated }
    }
}

/// The account's documents as a back end sends them.
pub struct Served {
    pub docs: BTreeMap<String, String>,
}

impl Served {
    pub fn new(hostile: &Hostile) -> Served {
        let persona = personas().iter().find(|p| p.name == hostile.persona).expect("a persona of the demo");
        let mut docs: BTreeMap<String, String> =
            persona.docs.iter().map(|(r, doc)| (r.name(), doc.to_string())).collect();
        docs.insert(hostile.resource.clone(), hostile.mutated.text());
        Served { docs }
    }

    /// The resources the back end has, in the fixtures' order.
    pub fn resources(&self) -> Vec<Resource> {
        self.docs.keys().filter_map(|n| Resource::named(n)).collect()
    }

    pub fn answer(&self, r: Resource) -> Option<&str> {
        self.docs.get(&r.name()).map(String::as_str)
    }

    /// The copy of the whole account a person keeps, with every body exactly as it was sent (the
    /// hostile one too: a copy made elsewhere, or edited, can hold anything).
    pub fn copy(&self) -> String {
        let bodies = |pick: fn(Resource) -> Option<i32>| {
            let each: Vec<String> = self
                .resources()
                .into_iter()
                .filter_map(|r| Some(format!("\"{}\":{}", pick(r)?, self.answer(r)?)))
                .collect();
            format!("{{{}}}", each.join(","))
        };
        let one = |r| self.answer(r).unwrap_or("null");
        format!(
            r#"{{"format":"{FORMAT}","exportedOn":"2026-12-04","me":{},"carryOver":{},"entitlements":{},"attendance":{},"trainingPages":[{}]}}"#,
            one(Resource::Me),
            one(Resource::CarryOver),
            bodies(|r| if let Resource::Entitlements(y) = r { Some(y) } else { None }),
            bodies(|r| if let Resource::Attendance(y) = r { Some(y) } else { None }),
            self.answer(Resource::Trainings).unwrap_or_default(),
        )
    }
}
