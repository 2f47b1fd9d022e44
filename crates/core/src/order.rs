//! Stable sorting through one copy of the sort routine for the whole program.
//!
//! Every `slice::sort_by` over its own element type and comparison is its own copy of the
//! standard library's driftsort (quicksort, merges and small sorts: about 4 KB of wasm
//! each). The page sorts a dozen kinds of short list (events, labels, funds, keys), and
//! those copies were about 60 KB of its code. Here a list is sorted by sorting its
//! indices (one `[usize]` sort whose comparison is a `&dyn Fn`) and then moved into that
//! order: the same stable result as `sort_by`, at one sort's worth of code. Its lists
//! are short, so the indirection costs nothing anyone can see.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably (equal items keep their order), as
/// `slice::sort_by` does.
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let order = {
        let list: &[T] = items;
        permutation(list.len(), &|a, b| match (list.get(a), list.get(b)) {
            (Some(x), Some(y)) => compare(x, y),
            _ => Ordering::Equal,
        })
    };
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .iter()
            .filter_map(|&i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// Sorts `items` by `key`, stably, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their order, as `slice::sort` does.
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

/// The indices `0..n` in the order `compare` puts them, ties in index order: the one
/// sort the program has (not generic, never inlined).
#[inline(never)]
#[allow(clippy::disallowed_methods)] // the one sort
fn permutation(n: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // checked against the standard sort
mod tests {
    use super::*;

    fn numbers(seed: u64, n: usize, modulo: u64) -> Vec<u64> {
        let mut next = crate::testing::xorshift(seed);
        (0..n).map(|_| next() % modulo).collect()
    }

    #[test]
    fn it_orders_as_the_standard_sort_and_keeps_equal_items_in_their_order() {
        for (seed, n, modulo) in [
            (1, 0, 5),
            (2, 1, 5),
            (3, 2, 2),
            (4, 17, 3),
            (5, 300, 10),
            (6, 2000, 1_000_000),
        ] {
            // Pairs (key, position): a stable sort by key alone keeps positions rising
            // within a key.
            let list: Vec<(u64, usize)> = numbers(seed, n, modulo).into_iter().zip(0..).collect();
            let mut ours = list.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std = list.clone();
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "seed {seed}");
            let mut descending = list.clone();
            sort_by(&mut descending, |a, b| b.0.cmp(&a.0));
            let mut std_descending = list.clone();
            std_descending.sort_by_key(|p| std::cmp::Reverse(p.0));
            assert_eq!(descending, std_descending, "seed {seed}");
            let mut whole = list;
            sort(&mut whole);
            assert!(whole.windows(2).all(|w| w[0] <= w[1]));
        }
    }

    #[test]
    fn it_moves_owned_items_without_losing_or_copying_any() {
        let mut words: Vec<String> = ["pear", "fig", "apple", "fig", "kiwi"].map(String::from).to_vec();
        sort(&mut words);
        assert_eq!(words, ["apple", "fig", "fig", "kiwi", "pear"]);
        let mut floats = vec![2.5, -1.0, f64::NAN, 0.0];
        sort_by(&mut floats, f64::total_cmp);
        assert_eq!(
            floats.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
            [-1.0, 0.0, 2.5, f64::NAN].map(f64::to_bits)
        );
    }
}
