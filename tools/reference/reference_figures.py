#!/usr/bin/env python3
"""Independent reference calculation of the SSDA903 sufficiency figures.

Implements shared/docs/counting-rules.md sections 1-8 directly (standard library only) so
that the expected numbers in the Java integration tests have a documented derivation.
It reads the CSV files of a 903 folder at run time; it never copies data.

usage: reference_figures.py FOLDER [--la LA] [--json OUT.json] [--year Y] [--label-offset N]
  --la            LA for rows without an LA column (rules §1)
  --year          NOT IN THE RULES, for checks only: year of files without a YEAR column
  --label-offset  NOT IN THE RULES, for checks only: add N to years read from a YEAR column or
                  a name (the samples' "2017" files hold 2017-18 data, i.e. Y = 2018 by §1)
"""
import argparse, collections, csv, datetime as dt, json, os, re

# §2: tables recognised by their column set (case-insensitive, trimmed)
EPISODE_COLS = {"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
                "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"}
HEADER_COLS = {"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"}

# §8: placement categories; the PLACE codes named here are the valid ones (§4 bad_code)
CATEGORY_CODES = {  # categories decided by PLACE alone
    "foster_kinship": "U1 U2 U3", "secure": "K1", "supported": "H5 P2 K3", "with_parents": "P1",
    "adoption": "A3 A4 A5 A6", "residential_school": "S1", "family_centre": "R3",
    "other_residential": "R2 R5 P3", "other": "T0 T1 T2 T3 T4 Z1 Z11 Z12 Z13 Z14"}
SIMPLE_CATS = {p: cat for cat, codes in CATEGORY_CODES.items() for p in codes.split()}
FOSTER, HOMES = {"U4", "U5", "U6"}, {"K2", "R1"}  # category also depends on PLACE_PROVIDER
PLACE_CODES = set(SIMPLE_CATS) | FOSTER | HOMES
LS_CODES = {"C1", "C2", "D1", "E1", "J1", "J2", "J3", "L1", "L2", "L3", "V2", "V3", "V4"}
SHORT_BREAKS = {"V3", "V4"}  # §6/§7: never counted
AGE_BANDS = ["Under 1", "1 to 4", "5 to 9", "10 to 15", "16 and over", "Unknown"]


def code(s):
    """§2: codes compared upper-case and trimmed (inner spaces removed too)."""
    return "".join((s or "").split()).upper()


def parse_date(s):
    """§2: dd/mm/yyyy, yyyy-mm-dd or dd/mm/yy (00-69 -> 20xx, 70-99 -> 19xx). None if invalid."""
    s = (s or "").strip()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})", s):
            y = int(m[3]) + (0 if len(m[3]) == 4 else 2000 if int(m[3]) <= 69 else 1900)
            return dt.date(y, int(m[2]), int(m[1]))
    except ValueError:
        pass
    return None  # blank or not a valid date


def collection_year(d):
    """§1: collection year Y runs 1 April Y-1 to 31 March Y."""
    return d.year + 1 if d.month >= 4 else d.year


def year_from_name(name):
    """§1: a four-digit year in a name; for a span (2021-22, 2021_22, 202122) the later year."""
    for m in re.finditer(r"(?<!\d)((?:19|20)\d\d)[-_]?(\d\d)(?!\d)", name):
        if int(m[2]) == (int(m[1]) + 1) % 100:
            return int(m[1]) + 1
    m = re.search(r"(?<!\d)((?:19|20)\d\d)(?!\d)", name)
    return int(m[1]) if m else None


def read_folder(folder, default_la, year_override, offset):
    """Read every recognised CSV under folder (§2), returning episode and header rows."""
    episodes, headers = [], []
    for root, _, files in os.walk(folder):
        for name in sorted(files):
            if not name.lower().endswith(".csv"):
                continue  # CSV only (the XML form is out of scope here)
            path = os.path.join(root, name)
            with open(path, newline="", encoding="utf-8-sig") as f:
                reader = csv.reader(f)
                cols = [c.strip().upper() for c in next(reader, [])]
                rows = [(reader.line_num, dict(zip(cols, r + [""] * len(cols))))
                        for r in reader if any(x.strip() for x in r)]  # short rows padded
            kind = "episodes" if EPISODE_COLS <= set(cols) else "header" if HEADER_COLS <= set(cols) else None
            if kind is None:
                continue  # other 903 tables are ignored
            # §1 year of the file: YEAR column (per row, below) > name of file or folder > data
            file_year = year_override or year_from_name(name) or year_from_name(os.path.basename(os.path.normpath(root)))
            file_year = file_year + offset if file_year and not year_override else file_year
            if file_year is None:
                dates = [parse_date(r.get(c)) for _, r in rows for c in ("DECOM", "DEC")]
                dates = [d for d in dates if d]
                file_year = collection_year(max(dates)) if dates else None
            for line, r in rows:
                ycol = year_from_name((r.get("YEAR") or "").strip())  # also reads 2021-22 / 202122
                year = ycol + offset if ycol else file_year
                la = (r.get("LA") or "").strip() or default_la  # §1: LA column, else --la
                if la is None:
                    raise SystemExit(f"{path}:{line}: no LA column and no --la given")
                rec = dict(r, _la=la, _year=year, _file=path, _line=line)
                (episodes if kind == "episodes" else headers).append(rec)
    return episodes, headers


def reject_reason(r):
    """§4 rejects, checked in order; the first reason wins. Returns (reason, decom, dec)."""
    decom, dec = parse_date(r["DECOM"]), parse_date(r["DEC"])
    if not r["CHILD"].strip() or not r["DECOM"].strip():
        reason = "missing_key"
    elif decom is None or (r["DEC"].strip() and dec is None):
        reason = "bad_date"
    elif dec is not None and dec < decom:
        reason = "dec_before_decom"
    elif code(r["PLACE"]) not in PLACE_CODES or code(r["LS"]) not in LS_CODES:
        reason = "bad_code"
    else:
        return None, decom, dec
    return reason, None, None


def category(place, provider):
    """§8: one category per episode from PLACE and PLACE_PROVIDER."""
    if place in FOSTER or place in HOMES:
        kind = "foster" if place in FOSTER else "home"
        if provider == "PR1":
            return kind + "_inhouse"
        if provider in ("PR4", "PR5"):
            return kind + ("_ifa" if kind == "foster" else "_agency")
        return kind + "_other"
    return SIMPLE_CATS[place]


def age_band(dob, d):
    """§6: completed years on d (a 29 Feb birthday turns on 1 March in other years)."""
    if dob is None or dob > d:
        return "Unknown"  # no DOB (or a DOB after d: treated as unknown, see report)
    age = d.year - dob.year - ((d.month, d.day) < (dob.month, dob.day))
    return ("Under 1" if age < 1 else "1 to 4" if age <= 4 else "5 to 9" if age <= 9
            else "10 to 15" if age <= 15 else "16 and over")


# DfE's main ethnic groups of the 903 ETHNIC codes (Chinese counted with any other ethnic group)
ETHNIC_GROUPS = {c: g for g, codes in {
    "White": "WBRI WIRI WIRT WOTH WROM", "Mixed or multiple ethnic groups": "MWBC MWBA MWAS MOTH",
    "Asian or Asian British": "AIND APKN ABAN AOTH", "Black, African, Caribbean or Black British": "BCRB BAFR BOTH",
    "Other ethnic group": "CHNE OOTH", "Refused or information not yet obtained": "REFU NOBT"}.items()
    for c in codes.split()}


def ethnic_group_of(header):
    return ETHNIC_GROUPS.get(code(header.get("ETHNIC")) if header else "", "Not recorded")


def strategy_age_group(dob, d):
    """The sufficiency strategy's section 20 age bands, completed years on d; 16-17 takes 16 and over."""
    if dob is None or dob > d:
        return "Unknown"
    age = d.year - dob.year - ((d.month, d.day) < (dob.month, dob.day))
    return "0-5" if age <= 5 else "6-10" if age <= 10 else "11-13" if age <= 13 else "14-15" if age <= 15 else "16-17"


def sex_of(header):
    s = code(header.get("SEX")) if header else ""
    return "male" if s in ("1", "M") else "female" if s in ("2", "F") else "unknown"


def month_ends(start, end):
    """§6: the last day of each month from start to end."""
    first = dt.date(start.year, start.month, 1)
    while (nxt := dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1)) <= end + dt.timedelta(1):
        yield nxt - dt.timedelta(1)
        first = nxt


def figures(folder, default_la=None, year_override=None, offset=0):
    raw_eps, raw_hdrs = read_folder(folder, default_la, year_override, offset)
    out = {}
    for la in sorted({r["_la"] for r in raw_eps}):
        rows = [r for r in raw_eps if r["_la"] == la]
        years = sorted({r["_year"] for r in rows})  # the LA's return years (episode files)
        first, last = years[0], years[-1]
        # §4: reject rows before deduplication
        rejects, good = collections.Counter(), []
        for r in rows:
            reason, decom, dec = reject_reason(r)
            if reason:
                rejects[reason] += 1
            else:
                good.append(dict(child=r["CHILD"].strip(), decom=decom, dec=dec, year=r["_year"],
                                 rne=code(r["RNE"]), ls=code(r["LS"]), rec=code(r["REC"]),
                                 cat=category(code(r["PLACE"]), code(r["PLACE_PROVIDER"]))))
        # §3: one row per (LA, CHILD, DECOM): latest return year, then DEC filled; else first read
        kept, ties = {}, 0
        for e in good:
            k = (e["child"], e["decom"])
            old = kept.get(k)
            if old is None or (e["year"], e["dec"] is not None) > (old["year"], old["dec"] is not None):
                kept[k] = e
            elif (e["year"], e["dec"] is not None) == (old["year"], old["dec"] is not None):
                ties += 1
        # §3: header rows keyed (LA, CHILD): latest return year wins (first read on a tie)
        hdr = {}
        for h in (h for h in raw_hdrs if h["_la"] == la):
            c = h["CHILD"].strip()
            if c not in hdr or (h["_year"] or 0) > (hdr[c]["_year"] or 0):
                hdr[c] = h
        # §5: repair each child's chain, sorted by DECOM
        chains = collections.defaultdict(list)
        for e in kept.values():
            chains[e["child"]].append(e)
        repairs = collections.Counter()
        for eps in chains.values():
            eps.sort(key=lambda e: e["decom"])
            for cur, nxt in zip(eps, eps[1:]):
                if cur["dec"] is None or cur["dec"] > nxt["decom"]:
                    cur["dec"], cur["rec"] = nxt["decom"], ""  # repaired closes carry no REC
                    repairs["closed_at_next"] += 1
            lst = eps[-1]
            if lst["dec"] is None and lst["year"] < last:
                lst["dec"], lst["rec"] = dt.date(lst["year"], 3, 31), ""
                repairs["closed_at_year_end"] += 1
                if lst["dec"] < lst["decom"]:
                    repairs["year_end_before_decom"] += 1  # data oddity, reported only
        counted = [e for e in kept.values() if e["ls"] not in SHORT_BREAKS]  # §6/§7: no V3/V4

        def active_on(d):
            """§6: child -> episode with DECOM <= d and (DEC blank or DEC > d)."""
            act = {}
            for e in counted:
                if e["decom"] <= d and (e["dec"] is None or e["dec"] > d):
                    if e["child"] not in act or e["decom"] > act[e["child"]]["decom"]:
                        act[e["child"]] = e
            return act

        window = (dt.date(first - 1, 4, 1), dt.date(last, 3, 31))  # §1 data window
        stock = {d.isoformat(): len(active_on(d)) for d in month_ends(*window)}
        per_year = {}
        for y in range(first, last + 1):
            ys, ye, d = dt.date(y - 1, 4, 1), dt.date(y, 3, 31), dt.date(y, 3, 31)
            act = active_on(d)
            dobs = {c: parse_date(hdr[c]["DOB"]) if c in hdr else None for c in act}
            per_year[y] = dict(
                looked_after_31_march=len(act),
                started=len({e["child"] for e in counted  # §7 started
                             if e["rne"] == "S" and ys <= e["decom"] <= ye}),
                ceased=len({e["child"] for e in counted  # §7 ceased
                            if e["dec"] and ys <= e["dec"] <= ye and e["rec"] not in ("", "X1")}),
                by_category=dict(sorted(collections.Counter(e["cat"] for e in act.values()).items())),
                by_age_band={b: n for b in AGE_BANDS
                             if (n := sum(1 for c in act if age_band(dobs[c], d) == b))},
                by_sex=dict(sorted(collections.Counter(sex_of(hdr.get(c)) for c in act).items())),
                by_ethnic_group=dict(sorted(collections.Counter(ethnic_group_of(hdr.get(c)) for c in act).items())),
                section20_by_age_group=dict(sorted(collections.Counter(
                    strategy_age_group(dobs[c], d) for c, e in act.items() if e["ls"] == "V2").items())),
                section20_by_category=dict(sorted(collections.Counter(
                    e["cat"] for e in act.values() if e["ls"] == "V2").items())))
        out[la] = dict(
            data_window=[window[0].isoformat(), window[1].isoformat()], return_years=years,
            episode_rows_read=len(rows), rejects=dict(sorted(rejects.items())),
            rejected_total=sum(rejects.values()), episodes_after_dedup=len(kept),
            duplicate_rows_removed=len(good) - len(kept), dedup_keys_repeated=sum(
                1 for n in collections.Counter((e["child"], e["decom"]) for e in good).values() if n > 1),
            dedup_ties_kept_first=ties, repairs=dict(sorted(repairs.items())),
            episodes_without_header=sum(1 for e in kept.values() if e["child"] not in hdr),
            years=per_year, month_end_stock=stock)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder")
    ap.add_argument("--la")
    ap.add_argument("--json", help="also write the figures to this JSON file")
    ap.add_argument("--year", type=int, help="(not in the rules) year of files without YEAR column")
    ap.add_argument("--label-offset", type=int, default=0, help="(not in the rules) add to labelled years")
    a = ap.parse_args()
    res = figures(a.folder, a.la, a.year, a.label_offset)
    for la, f in res.items():
        print(f"== {la}  window {f['data_window'][0]} .. {f['data_window'][1]}  returns {f['return_years']}")
        print("  " + "\n  ".join(f"{k}: {v}" for k, v in f.items() if k not in
                                    ("data_window", "return_years", "years", "month_end_stock")))
        for y, v in f["years"].items():
            print(f"  {y}: " + "\n      ".join(f"{k}={x}" for k, x in v.items()))
        print("  month_end_stock: " + " ".join(f"{d}={n}" for d, n in f["month_end_stock"].items()))
    if a.json:
        with open(a.json, "w") as fh:
            json.dump(res, fh, indent=1)


if __name__ == "__main__":
    main()
