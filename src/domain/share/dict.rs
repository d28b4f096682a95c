//! The preset dictionary of link format 1: the RACI templates and JSON skeletons as they
//! serialise, then the words of evaluation notes. Both ends of a link hold it, so a link
//! only carries what differs from it (see `preset`).
//!
//! Frozen: changing one byte would make every format-1 link undecodable, so the tests
//! pin its checksum. A better dictionary is a new link format.

pub const DICT_V1: &[u8] = include_bytes!("dict-v1.txt");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dictionary_is_frozen_and_fits_the_deflate_window() {
        assert!(DICT_V1.len() <= 32 * 1024);
        assert_eq!(
            (DICT_V1.len(), crate::domain::share::crc::crc32(DICT_V1)),
            (22_090, FROZEN_CRC)
        );
    }

    const FROZEN_CRC: u32 = 3_535_716_475;
}
