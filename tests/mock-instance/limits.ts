// What a post may carry on the mock instances, as /api/v2/instance advertises it and
// as the statuses API enforces it (Mastodon's defaults).

export const STATUS_LIMITS = {
  max_characters: 500,
  max_media_attachments: 4,
  characters_reserved_per_url: 23,
}

export const POLL_LIMITS = {
  max_options: 4,
  max_characters_per_option: 50,
  min_expiration: 300,
  max_expiration: 2629746,
}

/** ScheduledStatus: at least this far ahead, at most this many waiting, this many on one day. */
export const SCHEDULE_LIMITS = {
  minimumOffsetMs: 5 * 60 * 1000,
  total: 300,
  daily: 25,
}
