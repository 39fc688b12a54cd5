//! The deck's Midtre Gauldal 2023 table: summing the printed sub-area points
//! exactly and rounding once reproduces seven printed area sums; area 2 does
//! not add up, and that is found, not hidden.

use kompass::core::exact::{Exact, format_points, parse_decimal};
use kompass::core::lang::Lang;

const TABLE: [(&str, u32, &[&str]); 8] = [
    ("1", 62, &["10,0", "5,0", "20,0", "6,7", "19,8"]),
    ("2", 77, &["8,0", "25,0", "18,4", "21,7"]),
    ("3", 87, &["8,7", "35,3", "25,3", "17,3"]),
    ("4", 68, &["13,3", "15,5", "14,0", "15,3", "9,5"]),
    ("5", 41, &["6,7", "3,3", "6,7", "15,3", "8,7"]),
    ("6", 67, &["13,3", "15,3", "18,0", "20,0"]),
    ("7", 69, &["13,0", "26,3", "23,3", "6,7"]),
    ("8", 84, &["17,7", "27,3", "13,3", "25,6"]),
];

#[test]
fn seven_areas_reproduce_their_printed_sums_and_area_two_disagrees() {
    let mut disagreeing = Vec::new();
    for (area, printed, subareas) in TABLE {
        let sum: Exact = subareas.iter().map(|p| parse_decimal(p).unwrap()).sum();
        let shown = format_points(sum, 0, Lang::Nb);
        if shown != printed.to_string() {
            disagreeing.push((area, format_points(sum, 1, Lang::Nb), printed));
        }
    }
    assert_eq!(disagreeing, vec![("2", "73,1".to_owned(), 77)]);
}

#[test]
fn area_one_is_exactly_61_5_and_rounds_half_away_from_zero() {
    let sum: Exact = TABLE[0].2.iter().map(|p| parse_decimal(p).unwrap()).sum();
    assert_eq!(sum, Exact::new(123, 2));
    assert_eq!(format_points(sum, 0, Lang::Nb), "62");
}
