//! Per-key rate limiting: a fixed window of one minute per API key, counted in memory.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// The length of a window. The catalog's `rate_limited` error tells clients to wait
/// `retry_after = 60` seconds, the longest a window can still have to run.
pub const WINDOW: Duration = Duration::from_secs(60);

/// Counts each key's requests in its current window.
#[derive(Debug)]
pub struct RateLimiter {
    limit: u32,
    windows: Mutex<HashMap<String, (Instant, u32)>>,
}

impl RateLimiter {
    /// A limiter allowing `limit` requests per key and [`WINDOW`].
    pub fn new(limit: u32) -> RateLimiter {
        RateLimiter {
            limit,
            windows: Mutex::new(HashMap::new()),
        }
    }

    /// The number of requests allowed per window.
    pub fn limit(&self) -> u32 {
        self.limit
    }

    /// Counts a request of `key` made at `now`; whether it is within the limit.
    pub fn allow(&self, key: &str, now: Instant) -> bool {
        // A panic cannot happen while the map is borrowed, but if it ever did the counts
        // would still be consistent: keep using them rather than failing every request.
        let mut windows = self.windows.lock().unwrap_or_else(PoisonError::into_inner);
        let (start, count) = windows.entry(key.to_owned()).or_insert((now, 0));
        if now.saturating_duration_since(*start) >= WINDOW {
            *start = now;
            *count = 0;
        }
        if *count >= self.limit {
            return false;
        }
        *count += 1;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_the_limit_per_key_then_refuses_until_the_window_ends() {
        let limiter = RateLimiter::new(2);
        let t0 = Instant::now();
        assert!(limiter.allow("a", t0));
        assert!(limiter.allow("a", t0 + Duration::from_secs(1)));
        assert!(!limiter.allow("a", t0 + Duration::from_secs(2)));
        // Another key has its own count.
        assert!(limiter.allow("b", t0 + Duration::from_secs(2)));
        // Still refused just before the window ends, allowed again once it has.
        assert!(!limiter.allow("a", t0 + WINDOW - Duration::from_millis(1)));
        assert!(limiter.allow("a", t0 + WINDOW));
        assert!(limiter.allow("a", t0 + WINDOW + Duration::from_secs(1)));
        assert!(!limiter.allow("a", t0 + WINDOW + Duration::from_secs(2)));
    }

    #[test]
    fn a_zero_limit_refuses_everything() {
        let limiter = RateLimiter::new(0);
        assert!(!limiter.allow("a", Instant::now()));
    }
}
