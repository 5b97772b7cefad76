//! Reading HTTP/1.x request heads for `handbok serve`, with limits: a request must arrive
//! whole before a deadline, its request line and each header line are bounded, and so is
//! the number of headers. What breaks a limit or the syntax is answered with an error
//! status and the connection closed; nothing a client sends can make the server wait or
//! buffer without end.

use std::io::{BufRead, BufReader, ErrorKind, Read};
use std::time::{Duration, Instant};

/// The longest request line (method, target and version) accepted.
pub const MAX_REQUEST_LINE: usize = 8 * 1024;
/// The longest header line accepted.
pub const MAX_HEADER_LINE: usize = 8 * 1024;
/// The most header lines accepted in one request.
pub const MAX_HEADERS: usize = 100;
/// Empty lines tolerated before a request line (some clients send one after a body).
const MAX_LEADING_EMPTY: usize = 4;

/// A request head that passed every check.
#[derive(Debug, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    /// The request target as sent (origin form: starts with `/`, may hold `?query`).
    pub target: String,
    /// Whether the client wants the connection kept open after the response.
    pub keep_alive: bool,
    /// Whether a body follows (which the server does not read: it closes after answering).
    pub has_body: bool,
}

impl Request {
    /// The target's path and query, without a fragment: `/a/?b#c` is (`/a/`, `Some("b")`).
    pub fn path_and_query(&self) -> (&str, Option<&str>) {
        let target = self.target.split('#').next().unwrap_or("");
        match target.split_once('?') {
            Some((path, query)) => (path, Some(query)),
            None => (target, None),
        }
    }
}

/// Why no request could be read.
#[derive(Debug, PartialEq, Eq)]
pub enum Failure {
    /// The client closed the connection, or stayed silent, before sending anything: end
    /// quietly.
    Gone,
    /// Answer with this status (400, 408, 414, 431, 505) and close the connection.
    Reject(u16),
}

/// Something the socket can be told to stop waiting after.
pub trait Deadline {
    /// Makes the next read give up at `until` at the latest.
    fn read_until(&self, until: Instant) -> std::io::Result<()>;
}

impl Deadline for std::net::TcpStream {
    fn read_until(&self, until: Instant) -> std::io::Result<()> {
        let left = until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(ErrorKind::TimedOut.into());
        }
        // A zero timeout would mean "wait forever" to the operating system.
        self.set_read_timeout(Some(left.max(Duration::from_millis(1))))
    }
}

/// What reading one line gave.
enum Line {
    Text(Vec<u8>),
    /// The connection ended before a line feed.
    Ended,
    TimedOut,
    TooLong,
}

/// Waits for more bytes unless some are buffered; `false` when the connection ended or
/// `until` passed.
fn fill<R: Read>(
    reader: &mut BufReader<R>,
    socket: &impl Deadline,
    until: Instant,
) -> Result<bool, Line> {
    if !reader.buffer().is_empty() {
        return Ok(true);
    }
    loop {
        if socket.read_until(until).is_err() {
            return Err(Line::TimedOut);
        }
        return match reader.fill_buf() {
            Ok(bytes) => Ok(!bytes.is_empty()),
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                Err(Line::TimedOut)
            }
            Err(_) => Ok(false),
        };
    }
}

/// Reads up to and including `\n`, at most `limit` bytes, giving up at `until`.
fn read_line<R: Read>(
    reader: &mut BufReader<R>,
    socket: &impl Deadline,
    limit: usize,
    until: Instant,
) -> Line {
    let mut line = Vec::new();
    loop {
        match fill(reader, socket, until) {
            Ok(true) => {}
            Ok(false) => return Line::Ended,
            Err(outcome) => return outcome,
        }
        let available = reader.buffer();
        let (take, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        if line.len() + take > limit {
            return Line::TooLong;
        }
        line.extend_from_slice(&available[..take]);
        reader.consume(take);
        if done {
            return Line::Text(line);
        }
    }
}

/// Reads one request head. The first byte must come before `idle_until` (else the client
/// is [`Failure::Gone`]); from then on the whole head must arrive within `timeout`.
pub fn read<R: Read>(
    reader: &mut BufReader<R>,
    socket: &impl Deadline,
    idle_until: Instant,
    timeout: Duration,
) -> Result<Request, Failure> {
    if !matches!(fill(reader, socket, idle_until), Ok(true)) {
        return Err(Failure::Gone);
    }
    let until = Instant::now() + timeout;
    let mut lines: Vec<Vec<u8>> = Vec::new();
    let mut leading_empty = 0;
    loop {
        let limit = if lines.is_empty() {
            MAX_REQUEST_LINE
        } else {
            MAX_HEADER_LINE
        };
        let line = match read_line(reader, socket, limit, until) {
            Line::Text(line) => line,
            Line::TooLong if lines.is_empty() => return Err(Failure::Reject(414)),
            Line::TooLong => return Err(Failure::Reject(431)),
            Line::Ended => return Err(Failure::Reject(400)),
            Line::TimedOut => return Err(Failure::Reject(408)),
        };
        let text = trim_line_end(&line);
        if lines.is_empty() && text.is_empty() {
            leading_empty += 1;
            if leading_empty > MAX_LEADING_EMPTY {
                return Err(Failure::Reject(400));
            }
            continue;
        }
        if text.is_empty() {
            return parse(&lines).map_err(Failure::Reject);
        }
        if lines.len() > MAX_HEADERS {
            return Err(Failure::Reject(431));
        }
        lines.push(text.to_vec());
    }
}

fn trim_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Checks a request line and its headers; an error is the status to answer with.
pub fn parse(lines: &[Vec<u8>]) -> Result<Request, u16> {
    let (first, headers) = lines.split_first().ok_or(400u16)?;
    let first = std::str::from_utf8(first).map_err(|_| 400u16)?;
    let mut parts = first.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(400);
    };
    if method.is_empty() || !method.bytes().all(is_token) {
        return Err(400);
    }
    if target.is_empty() || !target.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(400);
    }
    let minor = match version.strip_prefix("HTTP/") {
        Some("1.1") => 1,
        Some("1.0") => 0,
        Some(v) if is_version(v) => return Err(505),
        _ => return Err(400),
    };
    let mut close = false;
    let mut keep = false;
    let mut has_body = false;
    for line in headers {
        let line = std::str::from_utf8(line).map_err(|_| 400u16)?;
        // No obsolete line folding, and no space between a name and its colon.
        let (name, value) = line.split_once(':').ok_or(400u16)?;
        if name.is_empty() || !name.bytes().all(is_token) {
            return Err(400);
        }
        let value = value.trim_matches([' ', '\t']);
        if name.eq_ignore_ascii_case("connection") {
            for option in value.split(',').map(str::trim) {
                close |= option.eq_ignore_ascii_case("close");
                keep |= option.eq_ignore_ascii_case("keep-alive");
            }
        } else if name.eq_ignore_ascii_case("content-length") {
            let length: u64 = value.parse().map_err(|_| 400u16)?;
            has_body |= length > 0;
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            has_body = true;
        }
    }
    Ok(Request {
        method: method.to_string(),
        target: target.to_string(),
        keep_alive: !close && (minor == 1 || keep),
        has_body,
    })
}

/// A character allowed in a method or a header name (RFC 9110 `tchar`).
fn is_token(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// `DIGIT "." DIGIT`, an HTTP version this server does not speak.
fn is_version(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 3 && b[0].is_ascii_digit() && b[1] == b'.' && b[2].is_ascii_digit()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A socket stand-in that never times out.
    struct Patient;

    impl Deadline for Patient {
        fn read_until(&self, _until: Instant) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn read_bytes(bytes: &[u8]) -> Result<Request, Failure> {
        let mut reader = std::io::BufReader::with_capacity(16, bytes);
        let later = Instant::now() + Duration::from_secs(60);
        read(&mut reader, &Patient, later, Duration::from_secs(60))
    }

    #[test]
    fn well_formed_requests_and_connection_options() {
        let r = read_bytes(b"GET /a/?q=1 HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        assert_eq!(r.method, "GET");
        assert_eq!(r.target, "/a/?q=1");
        assert!(r.keep_alive && !r.has_body);
        let r = read_bytes(b"\r\nHEAD / HTTP/1.1\nConnection: Close\n\n").unwrap();
        assert!(!r.keep_alive);
        let r = read_bytes(b"GET / HTTP/1.0\r\n\r\n").unwrap();
        assert!(!r.keep_alive);
        let r = read_bytes(b"GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").unwrap();
        assert!(r.keep_alive);
        let r = read_bytes(b"POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc").unwrap();
        assert!(r.has_body);
    }

    #[test]
    fn malformed_and_oversized_requests_are_rejected() {
        for bad in [
            &b"GARBAGE\r\n\r\n"[..],
            b"GET\r\n\r\n",
            b"GET /\r\n\r\n",
            b"GET / HTTP/1.1 x\r\n\r\n",
            b"GET  / HTTP/1.1\r\n\r\n",
            b"GET / FTP/1.1\r\n\r\n",
            b"G(T / HTTP/1.1\r\n\r\n",
            b"GET /\xff HTTP/1.1\r\n\r\n",
            b"\x00\x01\r\n\r\n",
            b"GET / HTTP/1.1\r\nno colon\r\n\r\n",
            b"GET / HTTP/1.1\r\nName : v\r\n\r\n",
            b"GET / HTTP/1.1\r\n folded\r\n\r\n",
            b"GET / HTTP/1.1\r\nContent-Length: x\r\n\r\n",
            b"GET / HTTP/1.1\r\nHost: x\r\n",
            b"\r\n\r\n\r\n\r\n\r\n\r\n",
        ] {
            assert_eq!(
                read_bytes(bad),
                Err(Failure::Reject(400)),
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
        assert_eq!(
            read_bytes(b"GET / HTTP/2.0\r\n\r\n"),
            Err(Failure::Reject(505))
        );
        let long = format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(MAX_REQUEST_LINE));
        assert_eq!(read_bytes(long.as_bytes()), Err(Failure::Reject(414)));
        let long = format!(
            "GET / HTTP/1.1\r\nX: {}\r\n\r\n",
            "a".repeat(MAX_HEADER_LINE)
        );
        assert_eq!(read_bytes(long.as_bytes()), Err(Failure::Reject(431)));
        let many = format!(
            "GET / HTTP/1.1\r\n{}\r\n",
            "X: y\r\n".repeat(MAX_HEADERS + 1)
        );
        assert_eq!(read_bytes(many.as_bytes()), Err(Failure::Reject(431)));
        assert_eq!(read_bytes(b""), Err(Failure::Gone));
    }

    /// A socket whose deadline has passed once `allowed` reads were made.
    struct Impatient(std::cell::Cell<usize>);

    impl Deadline for Impatient {
        fn read_until(&self, _until: Instant) -> std::io::Result<()> {
            let left = self.0.get();
            if left == 0 {
                return Err(ErrorKind::TimedOut.into());
            }
            self.0.set(left - 1);
            Ok(())
        }
    }

    #[test]
    fn a_request_that_stalls_times_out() {
        let later = Instant::now() + Duration::from_secs(60);
        let timeout = Duration::from_secs(60);
        // Nothing sent: a quiet end.
        let mut reader = std::io::BufReader::with_capacity(4, &b""[..]);
        let silent = Impatient(std::cell::Cell::new(0));
        assert_eq!(
            read(&mut reader, &silent, later, timeout),
            Err(Failure::Gone)
        );
        // Half a request: 408.
        let mut reader = std::io::BufReader::with_capacity(4, &b"GET / HTTP/1.1\r\nHo"[..]);
        let stalled = Impatient(std::cell::Cell::new(3));
        assert_eq!(
            read(&mut reader, &stalled, later, timeout),
            Err(Failure::Reject(408))
        );
    }
}
