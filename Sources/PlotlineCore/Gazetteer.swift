/// A provincial-level division of China with the names it goes by in translated text.
public struct Province: Hashable, Codable, Sendable {
    /// ISO 3166-2:CN letter code (Macau is `MO`).
    public var code: String
    public var name: String
    public var nameZh: String
    /// province, municipality, autonomous region, special administrative region
    public var kind: String
    /// Other English names and spellings: "Xizang", "Guangxi Zhuang Autonomous Region".
    public var aliases: [String]
    /// Single-syllable abbreviations as they appear in translation ("Gui", "Yun", "Gan").
    public var abbreviations: [String]
    /// Tile position in the grid map, 1-based.
    public var row: Int
    public var col: Int
}

/// The 34 provincial-level divisions. Tile positions are the geofacet `china_prov_grid1`
/// layout (11 rows × 10 columns), as given in shared/reference/china-province-tile-grid.csv.
public enum Gazetteer {
    public static let provinces: [Province] = [
        p("HL", "Heilongjiang", "黑龙江", "province", [], ["Hei"], 1, 10),
        p("NM", "Inner Mongolia", "内蒙古", "autonomous region", ["Nei Mongol", "Neimenggu"], ["Meng"], 2, 7),
        p("JL", "Jilin", "吉林", "province", [], ["Ji"], 2, 10),
        p("XJ", "Xinjiang", "新疆", "autonomous region", ["Xinjiang Uygur Autonomous Region"], ["Xin"], 2, 1),
        p("BJ", "Beijing", "北京", "municipality", [], ["Jing"], 3, 8),
        p("LN", "Liaoning", "辽宁", "province", [], ["Liao"], 3, 9),
        p("NX", "Ningxia", "宁夏", "autonomous region", ["Ningxia Hui Autonomous Region"], ["Ning"], 3, 5),
        p("TJ", "Tianjin", "天津", "municipality", [], ["Jin"], 4, 8),
        p("HE", "Hebei", "河北", "province", [], ["Ji"], 4, 7),
        p("QH", "Qinghai", "青海", "province", [], ["Qing"], 4, 2),
        p("HA", "Henan", "河南", "province", [], ["Yu"], 5, 7),
        p("SX", "Shanxi", "山西", "province", [], ["Jin"], 5, 6),
        p("SD", "Shandong", "山东", "province", [], ["Lu"], 5, 8),
        p("GS", "Gansu", "甘肃", "province", [], ["Gan", "Long"], 5, 4),
        p("HB", "Hubei", "湖北", "province", [], ["E"], 6, 6),
        p("AH", "Anhui", "安徽", "province", [], ["Wan"], 6, 7),
        p("SH", "Shanghai", "上海", "municipality", [], ["Hu"], 6, 9),
        p("SN", "Shaanxi", "陕西", "province", [], ["Shaan", "Qin"], 6, 5),
        p("JS", "Jiangsu", "江苏", "province", [], ["Su"], 6, 8),
        p("HN", "Hunan", "湖南", "province", [], ["Xiang"], 7, 6),
        p("CQ", "Chongqing", "重庆", "municipality", [], ["Yu"], 7, 5),
        p("ZJ", "Zhejiang", "浙江", "province", [], ["Zhe"], 7, 8),
        p("XZ", "Tibet", "西藏", "autonomous region", ["Xizang", "Tibet Autonomous Region"], ["Zang"], 7, 2),
        p("TW", "Taiwan", "台湾", "province", [], ["Tai"], 8, 10),
        p("SC", "Sichuan", "四川", "province", [], ["Chuan", "Shu"], 7, 4),
        p("JX", "Jiangxi", "江西", "province", [], ["Gan"], 8, 7),
        p("GZ", "Guizhou", "贵州", "province", [], ["Gui", "Qian"], 8, 5),
        p("FJ", "Fujian", "福建", "province", [], ["Min"], 8, 8),
        p("YN", "Yunnan", "云南", "province", [], ["Yun", "Dian"], 9, 4),
        p("GX", "Guangxi", "广西", "autonomous region", ["Guangxi Zhuang Autonomous Region"], ["Gui"], 9, 6),
        p("GD", "Guangdong", "广东", "province", [], ["Yue"], 9, 7),
        p("MO", "Macau", "澳门", "special administrative region", ["Macao"], ["Ao"], 10, 9),
        p("HK", "Hong Kong", "香港", "special administrative region", [], ["Gang"], 10, 10),
        p("HI", "Hainan", "海南", "province", [], ["Qiong"], 11, 7),
    ]

    private static func p(
        _ code: String, _ name: String, _ zh: String, _ kind: String, _ aliases: [String], _ abbreviations: [String],
        _ row: Int, _ col: Int
    ) -> Province {
        Province(code: code, name: name, nameZh: zh, kind: kind, aliases: aliases, abbreviations: abbreviations, row: row, col: col)
    }

    public static let byCode: [String: Province] = Dictionary(uniqueKeysWithValues: provinces.map { ($0.code, $0) })

    /// Full English names and aliases → code.
    public static let byName: [String: String] = {
        var names: [String: String] = [:]
        for p in provinces {
            names[p.name] = p.code
            for a in p.aliases { names[a] = p.code }
        }
        return names
    }()

    /// Abbreviation → every province it may stand for.
    public static let byAbbreviation: [String: [String]] = {
        var map: [String: [String]] = [:]
        for p in provinces { for a in p.abbreviations { map[a, default: []].append(p.code) } }
        return map
    }()

    /// Distance between two tiles, a stand-in for geographic nearness when an abbreviation
    /// is ambiguous ("Gan" next to "Ning" and "Xin" is Gansu, not Jiangxi).
    public static func tileDistance(_ a: String, _ b: String) -> Double {
        guard let p = byCode[a], let q = byCode[b] else { return .infinity }
        let dr = Double(p.row - q.row)
        let dc = Double(p.col - q.col)
        return (dr * dr + dc * dc).squareRoot()
    }
}
