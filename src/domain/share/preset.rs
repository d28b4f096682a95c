//! Deflate with a preset dictionary, from miniz_oxide's streaming compressor.
//!
//! Short documents compress badly on their own: there is nothing earlier in the text
//! for deflate to point back to. Both ends of a link know a fixed dictionary of the
//! words Splitline documents use, so the encoder compresses the dictionary first,
//! flushes to a byte boundary (a sync flush), then compresses the data, and only the
//! bytes after the flush travel. The decoder puts an equivalent prefix in front (one
//! stored block that outputs the dictionary), inflates, and drops the dictionary again.

use miniz_oxide::deflate::core::{
    compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus,
};
use miniz_oxide::inflate::{decompress_to_vec_with_limit, DecompressError};

/// Compresses `data` against `dict` (at most 32 KiB, deflate's window).
pub fn deflate_with(dict: &[u8], data: &[u8]) -> Vec<u8> {
    debug_assert!(dict.len() <= 32 * 1024);
    let flags = create_comp_flags_from_zip_params(10, 0, 0);
    let mut compressor = CompressorOxide::new(flags);
    // What the dictionary compresses to stays here: the decoder rebuilds its own prefix.
    run(&mut compressor, dict, TDEFLFlush::Sync);
    run(&mut compressor, data, TDEFLFlush::Finish)
}

/// Feeds `input` and returns what the compressor wrote for it.
fn run(compressor: &mut CompressorOxide, mut input: &[u8], flush: TDEFLFlush) -> Vec<u8> {
    let mut out = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let (status, used, written) = compress(compressor, input, &mut buf, flush);
        out.extend_from_slice(&buf[..written]);
        input = &input[used..];
        match status {
            TDEFLStatus::Done => return out,
            TDEFLStatus::Okay if input.is_empty() && written < buf.len() => return out,
            TDEFLStatus::Okay => {}
            // Only a programming error (bad flags) gets here; the output is then empty.
            _ => return out,
        }
    }
}

/// Inflates what `deflate_with` produced, refusing output beyond `limit` bytes.
pub fn inflate_with(dict: &[u8], tail: &[u8], limit: usize) -> Result<Vec<u8>, DecompressError> {
    let len = dict.len() as u16;
    let mut stream = Vec::with_capacity(5 + dict.len() + tail.len());
    // A non-final stored block: header bits 000 padded to a byte, LEN, NLEN, the bytes.
    stream.push(0);
    stream.extend_from_slice(&len.to_le_bytes());
    stream.extend_from_slice(&(!len).to_le_bytes());
    stream.extend_from_slice(dict);
    stream.extend_from_slice(tail);
    let mut out = decompress_to_vec_with_limit(&stream, limit.saturating_add(dict.len()))?;
    out.drain(..dict.len());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DICT: &[u8] =
        b"the provider named engineer escalation tested response minutes service credits";

    #[test]
    fn round_trips_and_beats_plain_deflate_on_familiar_words() {
        let data =
            b"Named engineer; escalation tested, response in 15 minutes with service credits";
        let with = deflate_with(DICT, data);
        let plain = miniz_oxide::deflate::compress_to_vec(data, 10);
        assert!(
            with.len() < plain.len(),
            "{} vs {}",
            with.len(),
            plain.len()
        );
        assert_eq!(inflate_with(DICT, &with, 1000).unwrap(), data);
    }

    #[test]
    fn empty_data_and_empty_dictionary_work() {
        assert_eq!(
            inflate_with(DICT, &deflate_with(DICT, b""), 10).unwrap(),
            b""
        );
        assert_eq!(
            inflate_with(b"", &deflate_with(b"", b"abc"), 10).unwrap(),
            b"abc"
        );
    }

    #[test]
    fn the_limit_counts_only_the_data() {
        let data = vec![b'x'; 5000];
        let packed = deflate_with(DICT, &data);
        assert!(inflate_with(DICT, &packed, 4999).is_err());
        assert_eq!(inflate_with(DICT, &packed, 5000).unwrap().len(), 5000);
    }
}
