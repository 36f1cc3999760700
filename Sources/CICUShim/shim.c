#include "CICUShim.h"

#include <string.h>
#include <unicode/ucal.h>
#include <unicode/ucol.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/uloc.h>
#include <unicode/unorm2.h>

// uint16_t and UChar are the same code units; ICU declares UChar as char16_t.
_Static_assert(sizeof(uint16_t) == sizeof(UChar), "UTF-16 code units");

const char *prikbord_icu_error_name(int32_t status) {
    return u_errorName((UErrorCode)status);
}

int prikbord_locale_has_data(const char *locale) {
    char language[ULOC_LANG_CAPACITY];
    UErrorCode code = U_ZERO_ERROR;
    int32_t length = uloc_getLanguage(locale, language, sizeof language, &code);
    if (U_FAILURE(code) || length == 0 || code == U_STRING_NOT_TERMINATED_WARNING) {
        return 0;
    }
    // Every language ICU has data for is in the list on its own ("nl"),
    // besides its regional variants ("nl_BE").
    for (int32_t i = 0, count = uloc_countAvailable(); i < count; i++) {
        if (strcmp(uloc_getAvailable(i), language) == 0) return 1;
    }
    return 0;
}

int32_t prikbord_time_zone_canonical(
    const uint16_t *zone, int32_t length, uint16_t *result, int32_t capacity,
    int32_t *status)
{
    UErrorCode code = U_ZERO_ERROR;
    UBool is_system_id = 0;
    int32_t written = ucal_getCanonicalTimeZoneID(
        zone, length, result, capacity, &is_system_id, &code);
    *status = code;
    return written;
}

int32_t prikbord_time_zone_default(uint16_t *result, int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t written = ucal_getDefaultTimeZone(result, capacity, &code);
    *status = code;
    return written;
}

prikbord_calendar *prikbord_calendar_open(
    const uint16_t *zone, int32_t length, int32_t *status)
{
    UErrorCode code = U_ZERO_ERROR;
    // The root locale: a calendar's locale only decides the first day of
    // the week, which nothing here uses.
    UCalendar *calendar = ucal_open(zone, length, "", UCAL_GREGORIAN, &code);
    if (U_FAILURE(code) && calendar != NULL) {
        ucal_close(calendar);
        calendar = NULL;
    } else {
        ucal_setAttribute(calendar, UCAL_SKIPPED_WALL_TIME, UCAL_WALLTIME_NEXT_VALID);
        ucal_setAttribute(calendar, UCAL_REPEATED_WALL_TIME, UCAL_WALLTIME_FIRST);
    }
    *status = code;
    return (prikbord_calendar *)calendar;
}

void prikbord_calendar_close(prikbord_calendar *calendar) {
    if (calendar != NULL) ucal_close((UCalendar *)calendar);
}

struct prikbord_local_time prikbord_calendar_local_time(
    prikbord_calendar *calendar, double date, int32_t *status)
{
    UCalendar *cal = (UCalendar *)calendar;
    UErrorCode code = U_ZERO_ERROR;
    ucal_setMillis(cal, date, &code);
    struct prikbord_local_time time = {
        .year = ucal_get(cal, UCAL_EXTENDED_YEAR, &code),
        .month = ucal_get(cal, UCAL_MONTH, &code) + 1,
        .day = ucal_get(cal, UCAL_DATE, &code),
        .hour = ucal_get(cal, UCAL_HOUR_OF_DAY, &code),
        .minute = ucal_get(cal, UCAL_MINUTE, &code),
        .second = ucal_get(cal, UCAL_SECOND, &code),
        .julian_day = ucal_get(cal, UCAL_JULIAN_DAY, &code),
    };
    *status = code;
    return time;
}

double prikbord_calendar_start_of_day(
    prikbord_calendar *calendar, double date, int32_t *status)
{
    UCalendar *cal = (UCalendar *)calendar;
    UErrorCode code = U_ZERO_ERROR;
    ucal_setMillis(cal, date, &code);
    ucal_set(cal, UCAL_HOUR_OF_DAY, 0);
    ucal_set(cal, UCAL_MINUTE, 0);
    ucal_set(cal, UCAL_SECOND, 0);
    ucal_set(cal, UCAL_MILLISECOND, 0);
    double start = ucal_getMillis(cal, &code);
    *status = code;
    return start;
}

double prikbord_calendar_add_days(
    prikbord_calendar *calendar, double date, int32_t days, int32_t *status)
{
    UCalendar *cal = (UCalendar *)calendar;
    UErrorCode code = U_ZERO_ERROR;
    ucal_setMillis(cal, date, &code);
    ucal_add(cal, UCAL_DATE, days, &code);
    double later = ucal_getMillis(cal, &code);
    *status = code;
    return later;
}

double prikbord_calendar_date(
    prikbord_calendar *calendar, struct prikbord_local_time time, int32_t *status)
{
    UCalendar *cal = (UCalendar *)calendar;
    UErrorCode code = U_ZERO_ERROR;
    ucal_clear(cal);
    ucal_setDateTime(
        cal, time.year, time.month - 1, time.day, time.hour, time.minute, time.second, &code);
    double date = ucal_getMillis(cal, &code);
    *status = code;
    return date;
}

prikbord_date_format *prikbord_date_format_open_pattern(
    const char *locale, const uint16_t *zone, int32_t zone_length,
    const uint16_t *pattern, int32_t pattern_length, int32_t *status)
{
    UErrorCode code = U_ZERO_ERROR;
    UDateFormat *format = udat_open(
        UDAT_PATTERN, UDAT_PATTERN, locale, zone, zone_length, pattern, pattern_length,
        &code);
    if (U_FAILURE(code) && format != NULL) {
        udat_close(format);
        format = NULL;
    }
    *status = code;
    return (prikbord_date_format *)format;
}

prikbord_date_format *prikbord_date_format_open_skeleton(
    const char *locale, const uint16_t *zone, int32_t zone_length,
    const uint16_t *skeleton, int32_t skeleton_length, int32_t *status)
{
    UErrorCode code = U_ZERO_ERROR;
    UDateTimePatternGenerator *generator = udatpg_open(locale, &code);
    UChar pattern[128];
    int32_t length = udatpg_getBestPattern(
        generator, skeleton, skeleton_length, pattern, 128, &code);
    udatpg_close(generator);
    if (U_FAILURE(code)) {
        *status = code;
        return NULL;
    }
    return prikbord_date_format_open_pattern(
        locale, zone, zone_length, pattern, length, status);
}

void prikbord_date_format_close(prikbord_date_format *format) {
    if (format != NULL) udat_close((UDateFormat *)format);
}

int32_t prikbord_date_format_format(
    const prikbord_date_format *format, double date, uint16_t *result, int32_t capacity,
    int32_t *status)
{
    UErrorCode code = U_ZERO_ERROR;
    int32_t length = udat_format(
        (const UDateFormat *)format, date, result, capacity, NULL, &code);
    *status = code;
    return length;
}

prikbord_collator *prikbord_collator_open(const char *locale, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UCollator *collator = ucol_open(locale, &code);
    ucol_setAttribute(collator, UCOL_NUMERIC_COLLATION, UCOL_ON, &code);
    if (U_FAILURE(code) && collator != NULL) {
        ucol_close(collator);
        collator = NULL;
    }
    *status = code;
    return (prikbord_collator *)collator;
}

void prikbord_collator_close(prikbord_collator *collator) {
    if (collator != NULL) ucol_close((UCollator *)collator);
}

int32_t prikbord_collator_compare(
    const prikbord_collator *collator, const uint16_t *a, int32_t a_length,
    const uint16_t *b, int32_t b_length)
{
    return ucol_strcoll((const UCollator *)collator, a, a_length, b, b_length);
}

int32_t prikbord_collator_sort_key(
    const prikbord_collator *collator, const uint16_t *text, int32_t length, uint8_t *key,
    int32_t capacity, int32_t *status)
{
    int32_t needed = ucol_getSortKey((const UCollator *)collator, text, length, key, capacity);
    // ucol_getSortKey has no status of its own: it answers 0 when it failed.
    *status = needed == 0 ? U_INTERNAL_PROGRAM_ERROR
        : needed > capacity ? U_BUFFER_OVERFLOW_ERROR : U_ZERO_ERROR;
    return needed;
}

int32_t prikbord_decompose(
    const uint16_t *text, int32_t length, uint16_t *result, int32_t capacity,
    int32_t *status)
{
    UErrorCode code = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&code);
    int32_t written = unorm2_normalize(nfd, text, length, result, capacity, &code);
    *status = code;
    return written;
}
