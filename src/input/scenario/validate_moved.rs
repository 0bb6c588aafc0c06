//! Moved volume (docs/centres.md): a type whose contacts are a share of another type's,
//! which loses that share, as when a planner moves part of a queue to another channel.
//! Settled before any other rule, so every later check and the model see two ordinary
//! types with volumes of their own.

use crate::scenario::file::TypeFile;
use crate::scenario::FieldError;

type Check<T> = Result<T, FieldError>;

/// The type files with every `moved_from` turned into volumes: the receiving type gets
/// `share` of the named type's arrivals (its day_cv and weekday factors too, as they are
/// the same customers), and the named type keeps what is left.
pub fn apply(files: &[TypeFile]) -> Check<Vec<TypeFile>> {
    let mut out = files.to_vec();
    // What each type keeps of its own volumes after every move from it.
    let mut kept = vec![1.0; files.len()];
    for (k, t) in files.iter().enumerate() {
        let Some(moved) = &t.moved_from else {
            continue;
        };
        let at = |f: &str| format!("types[{k}].moved_from{f}");
        if t.arrivals.is_some() {
            return Err(FieldError::new(
                format!("types[{k}].arrivals"),
                "a type with moved_from takes its volumes from the named type: remove its [types.arrivals]",
            ));
        }
        let name = moved.source.as_deref().ok_or_else(|| {
            FieldError::new(
                at(".type"),
                "expected the name of the type the volume moves from",
            )
        })?;
        let share = moved.share.ok_or_else(|| {
            FieldError::new(
                at(".share"),
                "expected the share moved, a number from 0 to 1",
            )
        })?;
        if !(share.is_finite() && (0.0..=1.0).contains(&share)) {
            return Err(FieldError::new(
                at(".share"),
                format!("expected a share from 0 to 1, found {share}"),
            ));
        }
        let from = files
            .iter()
            .position(|s| s.name.as_deref() == Some(name))
            .ok_or_else(|| {
                FieldError::new(
                    at(".type"),
                    format!(
                        "no type is named \"{name}\": expected the name of another [[types]] entry"
                    ),
                )
            })?;
        if from == k || files[from].moved_from.is_some() {
            return Err(FieldError::new(
                at(".type"),
                format!("\"{name}\" takes its own volumes by moved_from: a volume moves from a type with volumes of its own, not along a chain or a circle"),
            ));
        }
        let Some(source) = files[from].arrivals.clone() else {
            return Err(FieldError::new(
                format!("types[{from}].arrivals"),
                "expected [types.arrivals]: another type's volumes move from it",
            ));
        };
        if source.forecast.is_some() {
            return Err(FieldError::new(
                at(""),
                format!("\"{name}\" moves volumes from a type whose arrivals come from a forecast file: give this type a forecast of its own instead"),
            ));
        }
        kept[from] -= share;
        if kept[from] < -1e-9 {
            return Err(FieldError::new(
                at(".share"),
                format!("the shares moved from \"{name}\" add up to more than 1"),
            ));
        }
        let mut arrivals = source;
        arrivals
            .volumes
            .iter_mut()
            .flatten()
            .for_each(|v| *v *= share);
        out[k].arrivals = Some(arrivals);
        out[k].moved_from = None;
    }
    for (t, keep) in out.iter_mut().zip(kept) {
        if keep < 1.0 {
            if let Some(a) = &mut t.arrivals {
                a.volumes
                    .iter_mut()
                    .flatten()
                    .for_each(|v| *v *= keep.max(0.0));
            }
        }
    }
    Ok(out)
}
