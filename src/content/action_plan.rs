//! Action plans (`action_plan:` in front matter): a committee's strategic positions and
//! activities per numbered focus area, as data that the site cross-tabulates.

use serde::Serialize;
use serde_norway::{Mapping, Value};

use super::fields::Block;
use crate::error::Diagnostic;
use crate::messages as msg;
use crate::text;

const PLAN_FIELDS: &[&str] = &["committee", "focus_areas"];
const AREA_FIELDS: &[&str] = &["number", "name", "positions", "activities"];

/// One committee's (or department's) action plan.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ActionPlan {
    /// The committee or department, e.g. `Socialnämnden`.
    pub committee: String,
    pub focus_areas: Vec<FocusAreaPlan>,
    /// Numbers below the plan's highest that it has no focus area for: the plan's own
    /// numbering, shown so that a reader does not take the gaps for the site's errors.
    pub gaps: Vec<u32>,
    /// Focus areas holding a position or an activity that stands word for word more than
    /// once in the plan, for the same reason.
    pub repeated_in: Vec<u32>,
    /// File line of `committee:`, for messages.
    #[serde(skip)]
    pub line: usize,
}

/// What a plan says under one focus area.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FocusAreaPlan {
    pub number: u32,
    pub name: String,
    /// Strategic positions (strategiska ställningstaganden).
    pub positions: Vec<String>,
    /// Activities or measures (aktiviteter/åtgärder).
    pub activities: Vec<String>,
    /// File line of this focus area's `name:`, for messages.
    #[serde(skip)]
    pub line: usize,
}

/// Parses an `action_plan:` block.
pub fn parse(block: &Block<'_>, value: Value) -> Result<ActionPlan, Vec<Diagnostic>> {
    let map = block
        .mapping(value, "committee: Socialnämnden")
        .map_err(|d| vec![d])?;
    let mut errors = Vec::new();
    block.check_keys(&map, PLAN_FIELDS, 0, &mut errors);
    let committee = match block.text(&map, "committee", 0) {
        Ok(Some(c)) => c,
        Ok(None) => {
            errors.push(block.error(
                "action_plan",
                0,
                &msg::PLAN_NO_COMMITTEE,
                &msg::HINT_PLAN_COMMITTEE,
            ));
            String::new()
        }
        Err(d) => {
            errors.push(d);
            String::new()
        }
    };
    let areas = match map.get("focus_areas") {
        Some(Value::Sequence(items)) => items.clone(),
        None | Some(Value::Null) => Vec::new(),
        Some(_) => {
            errors.push(block.error(
                "focus_areas",
                0,
                &msg::FOCUS_AREAS_NOT_A_LIST,
                &msg::HINT_FOCUS_AREAS_LIST,
            ));
            Vec::new()
        }
    };
    let mut focus_areas = Vec::new();
    for (i, item) in areas.into_iter().enumerate() {
        match item {
            Value::Mapping(m) => match area(block, &m, i) {
                Ok(a) => focus_areas.push(a),
                Err(mut d) => errors.append(&mut d),
            },
            _ => errors.push(block.for_item("focus_areas", i).error(
                "number",
                0,
                &msg::FOCUS_AREA_NOT_A_GROUP,
                &msg::HINT_FOCUS_AREA_GROUP,
            )),
        }
    }
    let mut seen = std::collections::HashSet::new();
    for (i, a) in focus_areas.iter().enumerate() {
        if !seen.insert(a.number) {
            errors.push(block.for_item("focus_areas", i).error(
                "number",
                0,
                text!(msg::FOCUS_AREA_TWICE, a.number),
                &msg::HINT_MERGE_ENTRIES,
            ));
        }
    }
    if errors.is_empty() {
        Ok(ActionPlan {
            committee,
            gaps: gaps(&focus_areas),
            repeated_in: repeated_in(&focus_areas),
            focus_areas,
            line: block.line("committee", 0),
        })
    } else {
        Err(errors)
    }
}

/// The numbers from 1 to the highest focus area's that the plan leaves out, in order.
fn gaps(areas: &[FocusAreaPlan]) -> Vec<u32> {
    let present: std::collections::BTreeSet<u32> = areas.iter().map(|a| a.number).collect();
    let highest = present.last().copied().unwrap_or(0);
    (1..highest).filter(|n| !present.contains(n)).collect()
}

/// The focus areas (in number order) with an item whose text stands more than once in the
/// plan, in the same focus area or another.
fn repeated_in(areas: &[FocusAreaPlan]) -> Vec<u32> {
    let items = |a: &FocusAreaPlan| {
        a.positions
            .iter()
            .chain(&a.activities)
            .map(|t| t.trim().to_string())
            .collect::<Vec<_>>()
    };
    let mut count = std::collections::HashMap::<String, usize>::new();
    for a in areas {
        for t in items(a) {
            *count.entry(t).or_default() += 1;
        }
    }
    let mut out: Vec<u32> = areas
        .iter()
        .filter(|a| {
            items(a)
                .iter()
                .any(|t| count.get(t).is_some_and(|n| *n > 1))
        })
        .map(|a| a.number)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn area(plan: &Block<'_>, m: &Mapping, i: usize) -> Result<FocusAreaPlan, Vec<Diagnostic>> {
    let block = &plan.for_item("focus_areas", i);
    let mut errors = Vec::new();
    block.check_keys(m, AREA_FIELDS, 0, &mut errors);
    let number = match m.get("number").and_then(Value::as_u64) {
        Some(n) if (1..=999).contains(&n) => n as u32,
        _ => {
            errors.push(block.error(
                "number",
                0,
                &msg::FOCUS_AREA_NO_NUMBER,
                &msg::HINT_FOCUS_AREA_NUMBER,
            ));
            0
        }
    };
    let name = match block.text(m, "name", 0) {
        Ok(Some(n)) => n,
        Ok(None) => {
            errors.push(block.error(
                "number",
                0,
                text!(msg::FOCUS_AREA_NO_NAME, number),
                &msg::HINT_FOCUS_AREA_NAME,
            ));
            String::new()
        }
        Err(d) => {
            errors.push(d);
            String::new()
        }
    };
    let positions = block.texts(m, "positions", 0).unwrap_or_else(|d| {
        errors.push(d);
        Vec::new()
    });
    let activities = block.texts(m, "activities", 0).unwrap_or_else(|d| {
        errors.push(d);
        Vec::new()
    });
    if errors.is_empty() {
        Ok(FocusAreaPlan {
            number,
            name,
            positions,
            activities,
            line: block.line("name", 0),
        })
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan_area(number: u32, positions: &[&str], activities: &[&str]) -> FocusAreaPlan {
        FocusAreaPlan {
            number,
            name: format!("Område {number}"),
            positions: positions.iter().map(|s| s.to_string()).collect(),
            activities: activities.iter().map(|s| s.to_string()).collect(),
            line: 1,
        }
    }

    #[test]
    fn gaps_are_the_numbers_the_plan_leaves_out() {
        let areas = [
            plan_area(1, &[], &[]),
            plan_area(3, &[], &[]),
            plan_area(6, &[], &[]),
        ];
        assert_eq!(gaps(&areas), [2, 4, 5]);
        assert!(gaps(&[]).is_empty());
        assert!(gaps(&[plan_area(1, &[], &[]), plan_area(2, &[], &[])]).is_empty());
    }

    #[test]
    fn repeats_are_found_within_and_across_focus_areas() {
        let areas = [
            plan_area(2, &["Miljöbilar"], &[]),
            plan_area(7, &["Samma", "Samma"], &["Annat"]),
            plan_area(9, &["Eget"], &["Gemensam"]),
            plan_area(11, &[], &["Gemensam ", "Unik"]),
            plan_area(14, &[], &["Miljöbilar"]),
            plan_area(15, &["Bara här"], &["Också bara här"]),
        ];
        assert_eq!(repeated_in(&areas), [2, 7, 9, 11, 14]);
    }
}
