/// Prefecture-level divisions (cities, prefectures, autonomous prefectures, leagues) by the
/// short English names news translations use, with the province each lies in. Names that
/// two provinces share (Yulin, Fuzhou, Taizhou, Suzhou, Yichun), that a province also bears
/// (Jilin, Hainan), or that are common personal names or words (Ali, Baoshan, Chaoyang) are
/// left out: a wrong province is worse than none.
extension Gazetteer {
    public static let prefectures: [String: String] = {
        let byProvince: [String: [String]] = [
            "HE": ["Shijiazhuang", "Tangshan", "Qinhuangdao", "Handan", "Xingtai", "Baoding", "Zhangjiakou", "Chengde", "Cangzhou", "Langfang", "Hengshui"],
            "SX": ["Taiyuan", "Datong", "Yangquan", "Changzhi", "Jincheng", "Shuozhou", "Jinzhong", "Yuncheng", "Xinzhou", "Linfen", "Lüliang", "Lvliang"],
            "NM": ["Hohhot", "Baotou", "Wuhai", "Chifeng", "Tongliao", "Ordos", "Hulunbuir", "Bayannur", "Ulanqab", "Hinggan", "Xilingol", "Alxa"],
            "LN": ["Shenyang", "Dalian", "Anshan", "Fushun", "Benxi", "Dandong", "Jinzhou", "Yingkou", "Fuxin", "Liaoyang", "Panjin", "Tieling", "Huludao"],
            "JL": ["Changchun", "Siping", "Liaoyuan", "Tonghua", "Baishan", "Songyuan", "Yanbian"],
            "HL": ["Harbin", "Qiqihar", "Jixi", "Hegang", "Shuangyashan", "Daqing", "Jiamusi", "Qitaihe", "Mudanjiang", "Heihe", "Suihua", "Daxing'anling"],
            "JS": ["Nanjing", "Wuxi", "Xuzhou", "Changzhou", "Nantong", "Lianyungang", "Huai'an", "Yancheng", "Yangzhou", "Zhenjiang", "Suqian"],
            "ZJ": ["Hangzhou", "Ningbo", "Wenzhou", "Jiaxing", "Huzhou", "Shaoxing", "Jinhua", "Quzhou", "Zhoushan", "Lishui"],
            "AH": ["Hefei", "Wuhu", "Bengbu", "Huainan", "Ma'anshan", "Huaibei", "Tongling", "Anqing", "Huangshan", "Chuzhou", "Fuyang", "Lu'an", "Bozhou", "Chizhou", "Xuancheng"],
            "FJ": ["Xiamen", "Putian", "Sanming", "Quanzhou", "Zhangzhou", "Nanping", "Longyan", "Ningde"],
            "JX": ["Nanchang", "Jingdezhen", "Pingxiang", "Jiujiang", "Xinyu", "Yingtan", "Ganzhou", "Ji'an", "Shangrao"],
            "SD": ["Jinan", "Qingdao", "Zibo", "Zaozhuang", "Dongying", "Yantai", "Weifang", "Jining", "Tai'an", "Weihai", "Rizhao", "Linyi", "Dezhou", "Liaocheng", "Binzhou", "Heze"],
            "HA": ["Zhengzhou", "Kaifeng", "Luoyang", "Pingdingshan", "Anyang", "Hebi", "Xinxiang", "Jiaozuo", "Puyang", "Xuchang", "Luohe", "Sanmenxia", "Nanyang", "Shangqiu", "Xinyang", "Zhoukou", "Zhumadian"],
            "HB": ["Wuhan", "Huangshi", "Shiyan", "Yichang", "Xiangyang", "Ezhou", "Jingmen", "Xiaogan", "Jingzhou", "Huanggang", "Xianning", "Suizhou", "Enshi"],
            "HN": ["Changsha", "Zhuzhou", "Xiangtan", "Hengyang", "Shaoyang", "Yueyang", "Changde", "Zhangjiajie", "Yiyang", "Chenzhou", "Yongzhou", "Huaihua", "Loudi", "Xiangxi"],
            "GD": ["Guangzhou", "Shaoguan", "Shenzhen", "Zhuhai", "Shantou", "Foshan", "Jiangmen", "Zhanjiang", "Maoming", "Zhaoqing", "Huizhou", "Meizhou", "Shanwei", "Heyuan", "Yangjiang", "Qingyuan", "Dongguan", "Zhongshan", "Chaozhou", "Jieyang", "Yunfu"],
            "GX": ["Nanning", "Liuzhou", "Guilin", "Wuzhou", "Beihai", "Fangchenggang", "Qinzhou", "Guigang", "Baise", "Hezhou", "Hechi", "Laibin", "Chongzuo"],
            "HI": ["Haikou", "Sanya", "Sansha", "Danzhou"],
            "SC": ["Chengdu", "Zigong", "Panzhihua", "Luzhou", "Deyang", "Mianyang", "Guangyuan", "Suining", "Neijiang", "Leshan", "Nanchong", "Meishan", "Yibin", "Guang'an", "Dazhou", "Ya'an", "Bazhong", "Ziyang", "Aba", "Ngawa", "Garze", "Ganzi", "Liangshan"],
            "GZ": ["Guiyang", "Liupanshui", "Zunyi", "Anshun", "Bijie", "Tongren", "Qianxinan", "Qiandongnan", "Qiannan"],
            "YN": ["Kunming", "Qujing", "Yuxi", "Zhaotong", "Lijiang", "Pu'er", "Lincang", "Chuxiong", "Honghe", "Wenshan", "Xishuangbanna", "Dali", "Dehong", "Nujiang", "Diqing"],
            "XZ": ["Lhasa", "Shigatse", "Xigaze", "Chamdo", "Qamdo", "Nyingchi", "Shannan", "Lhoka", "Nagqu", "Nakchu", "Ngari"],
            "SN": ["Xi'an", "Tongchuan", "Baoji", "Xianyang", "Weinan", "Yan'an", "Hanzhong", "Ankang", "Shangluo"],
            "GS": ["Lanzhou", "Jiayuguan", "Jinchang", "Baiyin", "Tianshui", "Wuwei", "Zhangye", "Pingliang", "Jiuquan", "Qingyang", "Dingxi", "Longnan", "Linxia", "Gannan"],
            "QH": ["Xining", "Haidong", "Haibei", "Huangnan", "Golog", "Guoluo", "Yushu", "Haixi"],
            "NX": ["Yinchuan", "Shizuishan", "Wuzhong", "Guyuan", "Zhongwei"],
            "XJ": ["Urumqi", "Karamay", "Turpan", "Hami", "Changji", "Bortala", "Bayingolin", "Aksu", "Kizilsu", "Kashgar", "Kashi", "Hotan", "Ili", "Yili", "Tacheng", "Altay"],
        ]
        var out: [String: String] = [:]
        for (code, names) in byProvince {
            for name in names { out[name] = code }
        }
        return out
    }()
}
