package org.lakepg.wire.types;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * PostgreSQL 15's "Default" timezone_abbreviations set (share/timezonesets/Default), the
 * abbreviations date/time input accepts: most are fixed offsets in seconds east of UTC, some
 * stand for a tz database zone whose offset depends on the date (MSK = Europe/Moscow).
 */
final class TimeZoneAbbreviations {

    /** abbreviation=offset-seconds or abbreviation=Zone/Name, generated from the Default file. */
    private static final String TABLE =
            "eat=10800 sast=7200 wat=3600 act=-18000 akdt=-28800 akst=-32400 " +
            "art=America/Argentina/Buenos_Aires arst=America/Argentina/Buenos_Aires bot=-14400 bra=-10800 " +
            "brst=-7200 brt=-10800 cot=-18000 cdt=-18000 clst=-10800 clt=America/Santiago cst=-21600 " +
            "edt=-14400 egst=0 egt=-3600 est=-18000 fnt=-7200 fnst=-3600 gft=-10800 gyt=America/Guyana " +
            "mdt=-21600 mst=-25200 ndt=-9000 nft=-12600 nst=-12600 pet=-18000 pdt=-25200 pmdt=-7200 " +
            "pmst=-10800 pst=-28800 pyst=-10800 pyt=America/Asuncion uyst=-7200 uyt=-10800 " +
            "vet=America/Caracas wgst=-7200 wgt=-10800 davt=Antarctica/Davis ddut=36000 " +
            "mawt=Antarctica/Mawson aft=16200 almt=21600 almst=25200 amst=Asia/Yerevan amt=-14400 " +
            "anast=Asia/Anadyr anat=Asia/Anadyr azst=Asia/Baku azt=Asia/Baku bdt=21600 bnt=28800 bort=28800 " +
            "btt=21600 cct=28800 gest=Asia/Tbilisi get=Asia/Tbilisi hkt=28800 ict=25200 idt=10800 " +
            "irkst=Asia/Irkutsk irkt=Asia/Irkutsk irt=12600 ist=7200 jayt=32400 jst=32400 kdt=36000 " +
            "kgst=21600 kgt=Asia/Bishkek krast=Asia/Krasnoyarsk krat=Asia/Krasnoyarsk kst=32400 " +
            "lkt=Asia/Colombo magst=Asia/Magadan magt=Asia/Magadan mmt=23400 myt=28800 novst=Asia/Novosibirsk " +
            "novt=Asia/Novosibirsk npt=20700 omsst=Asia/Omsk omst=Asia/Omsk petst=Asia/Kamchatka " +
            "pett=Asia/Kamchatka pht=28800 pkt=18000 pkst=21600 sgt=Asia/Singapore tjt=18000 " +
            "tmt=Asia/Ashgabat ulast=32400 ulat=Asia/Ulaanbaatar uzst=21600 uzt=18000 vlast=Asia/Vladivostok " +
            "vlat=Asia/Vladivostok xjt=21600 yakst=Asia/Yakutsk yakt=Asia/Yakutsk yekst=21600 " +
            "yekt=Asia/Yekaterinburg adt=-10800 ast=-14400 azost=0 azot=-3600 fkst=Atlantic/Stanley " +
            "fkt=Atlantic/Stanley acsst=37800 acdt=37800 acst=34200 acwst=31500 aesst=39600 aedt=39600 " +
            "aest=36000 awsst=32400 awst=28800 cadt=37800 cast=34200 lhdt=Australia/Lord_Howe lhst=37800 " +
            "ligt=36000 nzt=43200 sadt=37800 wadt=28800 wast=25200 wdt=32400 gmt=0 uct=0 ut=0 utc=0 z=0 " +
            "zulu=0 bst=3600 bdst=7200 cest=7200 cet=3600 cetdst=7200 eest=10800 eet=7200 eetdst=10800 " +
            "fet=10800 mest=7200 mesz=7200 met=3600 metdst=7200 mez=3600 msd=14400 msk=Europe/Moscow " +
            "volt=Europe/Volgograd wet=0 wetdst=3600 cxt=25200 iot=Indian/Chagos mut=14400 must=18000 " +
            "mvt=18000 ret=14400 sct=14400 tft=18000 chadt=49500 chast=45900 chut=36000 ckt=Pacific/Rarotonga " +
            "easst=Pacific/Easter east=Pacific/Easter fjst=46800 fjt=43200 galt=-21600 gamt=-32400 gilt=43200 " +
            "hst=-36000 kost=Pacific/Kosrae lint=Pacific/Kiritimati mart=-34200 mht=43200 mpt=36000 " +
            "nut=Pacific/Niue nzdt=46800 nzst=43200 pgt=36000 pont=39600 pwt=32400 taht=-36000 " +
            "tkt=Pacific/Fakaofo tot=46800 trut=36000 tvt=43200 vut=39600 wakt=43200 wft=43200 yapt=36000 ";

    /** What an abbreviation means: a fixed offset, or a zone's offset at the time in question. */
    record Meaning(Integer offsetSeconds, ZoneId zone) {
    }

    private static final Map<String, Meaning> BY_NAME = new HashMap<>();

    static {
        for (String entry : TABLE.trim().split(" ")) {
            String name = entry.substring(0, entry.indexOf('='));
            String value = entry.substring(entry.indexOf('=') + 1);
            boolean zoneName = Character.isLetter(value.charAt(0));
            BY_NAME.put(name, zoneName ? new Meaning(null, ZoneId.of(value)) : new Meaning(Integer.valueOf(value), null));
        }
    }

    private TimeZoneAbbreviations() {
    }

    /** The meaning of a lower-case abbreviation, or null if it is not one. */
    static Meaning of(String lowerCaseWord) {
        return BY_NAME.get(lowerCaseWord);
    }
}
