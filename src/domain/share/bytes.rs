//! A small binary writer and a bounds-checked reader for compact link bodies.
//!
//! Integers are LEB128 varints; strings are a varint byte length and UTF-8. The reader
//! never trusts a length: every read is checked against what is left and against the
//! caller's limit, so hostile input ends in an error, never a panic or a huge allocation.

/// The longest id a link body carries. Ids the app makes are 16–20 characters; a card
/// with a longer one (hand-edited) is refused at validation, so it never makes a link
/// that cannot be opened.
pub const MAX_ID_BYTES: usize = 256;

/// Builds a body.
#[derive(Default)]
pub struct Writer(Vec<u8>);

impl Writer {
    pub fn into_bytes(self) -> Vec<u8> {
        self.0
    }

    pub fn byte(&mut self, b: u8) {
        self.0.push(b);
    }

    pub fn bytes(&mut self, b: &[u8]) {
        self.0.extend_from_slice(b);
    }

    pub fn uint(&mut self, mut n: u64) {
        loop {
            let low = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.0.push(low);
                return;
            }
            self.0.push(low | 0x80);
        }
    }

    /// Signed integers, zig-zag encoded so small negatives stay short.
    pub fn int(&mut self, n: i64) {
        self.uint(((n << 1) ^ (n >> 63)) as u64);
    }

    pub fn str(&mut self, s: &str) {
        self.uint(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }

    /// An id: lowercase hex ids (what the app generates) travel as packed nibbles.
    pub fn id(&mut self, id: &str) {
        let hex = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if hex {
            self.uint((id.len() as u64) << 1 | 1);
            for pair in id.as_bytes().chunks(2) {
                let hi = nibble(pair[0]);
                let lo = pair.get(1).map_or(0, |&b| nibble(b));
                self.0.push(hi << 4 | lo);
            }
        } else {
            self.uint((id.len() as u64) << 1);
            self.0.extend_from_slice(id.as_bytes());
        }
    }
}

fn nibble(b: u8) -> u8 {
    if b.is_ascii_digit() {
        b - b'0'
    } else {
        b - b'a' + 10
    }
}

/// Why a body could not be read; the text names the part that failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError(pub String);

/// Reads a body, refusing anything out of bounds.
pub struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { rest: bytes }
    }

    pub fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }

    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], ReadError> {
        if n > self.rest.len() {
            return Err(ReadError(format!("{what} runs past the end")));
        }
        let (head, tail) = self.rest.split_at(n);
        self.rest = tail;
        Ok(head)
    }

    pub fn byte(&mut self, what: &str) -> Result<u8, ReadError> {
        Ok(self.take(1, what)?[0])
    }

    pub fn bytes(&mut self, n: usize, what: &str) -> Result<&'a [u8], ReadError> {
        self.take(n, what)
    }

    pub fn uint(&mut self, what: &str) -> Result<u64, ReadError> {
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte(what)?;
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(ReadError(format!("{what} is not a number")))
    }

    /// A count or index no larger than `max`.
    pub fn count(&mut self, max: usize, what: &str) -> Result<usize, ReadError> {
        let n = self.uint(what)?;
        if n > max as u64 {
            return Err(ReadError(format!("{what} is {n}, more than {max}")));
        }
        Ok(n as usize)
    }

    pub fn int(&mut self, what: &str) -> Result<i64, ReadError> {
        let z = self.uint(what)?;
        Ok((z >> 1) as i64 ^ -((z & 1) as i64))
    }

    pub fn str(&mut self, max_bytes: usize, what: &str) -> Result<String, ReadError> {
        let len = self.count(max_bytes, what)?;
        let raw = self.take(len, what)?;
        String::from_utf8(raw.to_vec()).map_err(|_| ReadError(format!("{what} is not text")))
    }

    pub fn id(&mut self, what: &str) -> Result<String, ReadError> {
        let head = self.count(2 * MAX_ID_BYTES + 1, what)?;
        let len = head >> 1;
        if head & 1 == 0 {
            let raw = self.take(len, what)?;
            return String::from_utf8(raw.to_vec())
                .map_err(|_| ReadError(format!("{what} is not text")));
        }
        let packed = self.take(len.div_ceil(2), what)?;
        let mut out = String::with_capacity(len);
        for b in packed {
            for n in [b >> 4, b & 0x0f] {
                if out.len() < len {
                    out.push(char::from_digit(u32::from(n), 16).unwrap_or('0'));
                }
            }
        }
        if len % 2 == 1 && packed.last().is_some_and(|b| b & 0x0f != 0) {
            return Err(ReadError(format!("{what} has stray bits")));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn hex_ids_pack_into_half_the_bytes() {
        let mut w = Writer::default();
        w.id("19a4c2f1e00a1b2c3d4");
        let bytes = w.into_bytes();
        assert_eq!(bytes.len(), 1 + 10);
        assert_eq!(Reader::new(&bytes).id("id").unwrap(), "19a4c2f1e00a1b2c3d4");
    }

    #[test]
    fn reads_past_the_end_or_over_a_limit_are_errors() {
        assert!(Reader::new(&[0x80]).uint("n").is_err());
        assert!(Reader::new(&[5, b'a']).str(10, "s").is_err());
        assert!(Reader::new(&[50]).count(10, "n").is_err());
        assert!(Reader::new(&[0xff; 11]).uint("n").is_err());
        assert!(
            Reader::new(&[2, 0xff, 0xfe]).str(10, "s").is_err(),
            "not UTF-8"
        );
    }

    proptest! {
        #[test]
        fn values_round_trip(u in any::<u64>(), i in any::<i64>(), s in ".{0,40}", id in "[0-9a-f]{1,30}|[a-z-]{0,20}") {
            let mut w = Writer::default();
            w.uint(u);
            w.int(i);
            w.str(&s);
            w.id(&id);
            let bytes = w.into_bytes();
            let mut r = Reader::new(&bytes);
            prop_assert_eq!(r.uint("u").unwrap(), u);
            prop_assert_eq!(r.int("i").unwrap(), i);
            prop_assert_eq!(r.str(1000, "s").unwrap(), s);
            prop_assert_eq!(r.id("id").unwrap(), id);
            prop_assert!(r.is_empty());
        }

        #[test]
        fn any_bytes_read_without_panics(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let mut r = Reader::new(&bytes);
            let _ = r.id("a");
            let _ = r.str(100, "b");
            let _ = r.int("c");
        }
    }
}
