#pragma once
#include <stdint.h>

// ICU's C functions are macros that carry the library's version in the name
// (udat_open is udat_open_72), which Swift cannot call. These plain functions
// pass through the few calls the kiosk needs.
//
// Text is UTF-16 with an explicit length; times are ICU's UDate, milliseconds
// since 1970 UTC. `status` receives ICU's UErrorCode: 0 for success, below
// zero a warning, above zero an error (prikbord_icu_error_name names it).
// A function that returns a length returns the whole length even when the
// capacity was too small; call again with a buffer that size.

/// "U_ILLEGAL_ARGUMENT_ERROR" and the like.
const char *prikbord_icu_error_name(int32_t status);

/// 1 when ICU has data for the language of `locale` ("nl", "pt_BR"), else 0.
int prikbord_locale_has_data(const char *locale);

/// The canonical form of a time zone id; an error for an id ICU does not know.
int32_t prikbord_time_zone_canonical(
    const uint16_t *zone, int32_t length, uint16_t *result, int32_t capacity,
    int32_t *status);

/// The host's time zone as ICU found it (TZ, /etc/localtime).
int32_t prikbord_time_zone_default(uint16_t *result, int32_t capacity, int32_t *status);

// A Gregorian calendar in one time zone. Not safe for concurrent use: every
// call moves the calendar to the instant it works on.
typedef struct prikbord_calendar prikbord_calendar;

/// The wall-clock fields of an instant; month 1-12, day 1-31.
struct prikbord_local_time {
    int32_t year, month, day, hour, minute, second;
    /// The local day as a Julian day number, for counting days.
    int32_t julian_day;
};

prikbord_calendar *prikbord_calendar_open(
    const uint16_t *zone, int32_t length, int32_t *status);
void prikbord_calendar_close(prikbord_calendar *calendar);

struct prikbord_local_time prikbord_calendar_local_time(
    prikbord_calendar *calendar, double date, int32_t *status);

/// The first instant of the local day of `date` (midnight, or the end of a
/// DST gap where midnight does not exist).
double prikbord_calendar_start_of_day(
    prikbord_calendar *calendar, double date, int32_t *status);

/// The same wall time `days` days later (earlier when negative).
double prikbord_calendar_add_days(
    prikbord_calendar *calendar, double date, int32_t days, int32_t *status);

/// The instant of a wall time; a time inside a DST gap moves to its end,
/// a repeated one means the first of the two.
double prikbord_calendar_date(
    prikbord_calendar *calendar, struct prikbord_local_time time, int32_t *status);

// A date formatter for one locale, time zone and pattern.
typedef struct prikbord_date_format prikbord_date_format;

/// A formatter with a fixed pattern such as "HH:mm".
prikbord_date_format *prikbord_date_format_open_pattern(
    const char *locale, const uint16_t *zone, int32_t zone_length,
    const uint16_t *pattern, int32_t pattern_length, int32_t *status);

/// A formatter with the locale's best pattern for a skeleton such as
/// "EEEE d MMMM" (udatpg_getBestPattern).
prikbord_date_format *prikbord_date_format_open_skeleton(
    const char *locale, const uint16_t *zone, int32_t zone_length,
    const uint16_t *skeleton, int32_t skeleton_length, int32_t *status);

void prikbord_date_format_close(prikbord_date_format *format);

int32_t prikbord_date_format_format(
    const prikbord_date_format *format, double date, uint16_t *result, int32_t capacity,
    int32_t *status);

// A collator: the order of words in one locale.
typedef struct prikbord_collator prikbord_collator;

/// A collator in which digits compare by value ("Kas 2" before "Kas 10").
prikbord_collator *prikbord_collator_open(const char *locale, int32_t *status);
void prikbord_collator_close(prikbord_collator *collator);

/// -1, 0 or 1 as `a` sorts before, with or after `b`.
int32_t prikbord_collator_compare(
    const prikbord_collator *collator, const uint16_t *a, int32_t a_length,
    const uint16_t *b, int32_t b_length);

/// A sort key: byte-wise comparison of two keys orders like the collator.
/// Returns the key's whole length, its terminating zero included.
int32_t prikbord_collator_sort_key(
    const prikbord_collator *collator, const uint16_t *text, int32_t length, uint8_t *key,
    int32_t capacity, int32_t *status);

/// Canonical decomposition (NFD): "é" becomes "e" and a combining accent.
int32_t prikbord_decompose(
    const uint16_t *text, int32_t length, uint16_t *result, int32_t capacity,
    int32_t *status);
