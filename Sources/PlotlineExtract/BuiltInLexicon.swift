/// The built-in extraction vocabulary, as JSON: the same shape a user's `--lexicon` file has.
/// `plotline lexicon` prints it, to copy and extend. Kept in the binary, not beside it, so the
/// tool works wherever it is installed.
extension Lexicon {
    public static let builtInJSON = #"""
{
 "comment": "Plotline's extraction vocabulary. Users extend it with --lexicon FILE (same shape; entries are added).",
 "metrics": [
  {
   "id": "rural_poor_population",
   "name": "Rural poor population",
   "units": [
    "people"
   ],
   "cues": [
    "rural poor people",
    "rural poor",
    "remaining poor population",
    "poor population",
    "poor people in rural",
    "number of poor people",
    "people in poverty",
    "remaining poor",
    "impoverished population",
    "poverty-stricken population",
    "impoverished rural residents",
    "rural impoverished population",
    "rural poverty-stricken population",
    "number of the rural poor",
    "rural population living in poverty",
    "people living in poverty",
    "people living below the poverty line",
    "number of poverty-stricken people",
    "number of impoverished people",
    "number of poor people in rural"
   ]
  },
  {
   "id": "per_capita_net_income",
   "name": "Per-capita net income",
   "units": [
    "yuan",
    "yuan/year"
   ],
   "cues": [
    "per capita net income",
    "per-capita net income",
    "net income per capita"
   ]
  },
  {
   "id": "per_capita_disposable_income",
   "name": "Per-capita disposable income",
   "units": [
    "yuan",
    "yuan/year"
   ],
   "cues": [
    "per capita disposable income",
    "per-capita disposable income",
    "disposable income per capita"
   ]
  },
  {
   "id": "poverty_incidence",
   "name": "Poverty incidence",
   "units": [
    "percent"
   ],
   "cues": [
    "poverty incidence",
    "incidence of poverty",
    "poverty headcount ratio",
    "poverty rate"
   ]
  },
  {
   "id": "average_annual_growth",
   "name": "Average annual growth",
   "units": [
    "percent"
   ],
   "cues": [
    "average annual increase",
    "average annual growth",
    "annual average growth",
    "average annual rate",
    "a year on average",
    "per year on average"
   ]
  },
  {
   "id": "people_lifted_out_of_poverty",
   "name": "People lifted out of poverty",
   "units": [
    "people"
   ],
   "cues": [
    "lifted out of absolute poverty",
    "lifted out of poverty",
    "out of absolute poverty",
    "shaken off poverty",
    "reduced in poverty",
    "escaped poverty",
    "get rid of poverty",
    "out of poverty",
    "shake off poverty",
    "shook off poverty",
    "escape poverty"
   ]
  },
  {
   "id": "people_relocated",
   "name": "People relocated",
   "units": [
    "people"
   ],
   "cues": [
    "moved into new homes through relocation",
    "relocation",
    "relocated",
    "moved out of"
   ]
  },
  {
   "id": "poverty_stricken_counties",
   "name": "Poverty-stricken counties",
   "units": [
    "counties"
   ],
   "cues": [
    "poverty-stricken counties",
    "impoverished counties",
    "poor counties",
    "poverty counties"
   ]
  },
  {
   "id": "poverty_stricken_villages",
   "name": "Poverty-stricken villages",
   "units": [
    "villages"
   ],
   "cues": [
    "poverty-stricken villages",
    "impoverished villages",
    "poor villages"
   ]
  },
  {
   "id": "poverty_alleviation_funds",
   "name": "Poverty alleviation funds",
   "units": [
    "yuan"
   ],
   "cues": [
    "poverty alleviation funds",
    "special poverty alleviation funds",
    "financial investment",
    "subsidies",
    "funds"
   ]
  },
  {
   "id": "village_work_teams",
   "name": "Village work teams",
   "units": [
    "teams"
   ],
   "cues": [
    "working teams",
    "work teams"
   ]
  },
  {
   "id": "village_cadres",
   "name": "Cadres sent to villages",
   "units": [
    "cadres",
    "secretaries",
    "people"
   ],
   "cues": [
    "first secretaries",
    "village cadres",
    "cadres stationed"
   ]
  },
  {
   "id": "monthly_income",
   "name": "Monthly income",
   "units": [
    "yuan/month"
   ],
   "cues": [
    "monthly income",
    "per month",
    "a month"
   ]
  },
  {
   "id": "daily_income",
   "name": "Daily income",
   "units": [
    "yuan/day"
   ],
   "cues": [
    "daily income",
    "every day",
    "per day"
   ]
  },
  {
   "id": "annual_income",
   "name": "Annual income",
   "units": [
    "yuan/year"
   ],
   "cues": [
    "a year",
    "annual income",
    "per year"
   ]
  },
  {
   "id": "share_of_poor_households",
   "name": "Share of poor households",
   "units": [
    "percent"
   ],
   "cues": [
    "of poor households"
   ]
  },
  {
   "id": "contribution_to_global_poverty_reduction",
   "name": "Contribution to global poverty reduction",
   "units": [
    "percent"
   ],
   "cues": [
    "contribution to the world's poverty reduction",
    "contribution to the world’s poverty reduction"
   ]
  },
  {
   "id": "population",
   "name": "Population",
   "units": [
    "people"
   ],
   "cues": [
    "population of"
   ]
  },
  {
   "id": "altitude",
   "name": "Altitude",
   "units": [
    "m"
   ],
   "cues": [
    "above sea level",
    "altitude"
   ]
  },
  {
   "id": "gini_coefficient",
   "name": "Gini coefficient",
   "units": [
    "index"
   ],
   "cues": [
    "gini coefficient",
    "gini index"
   ],
   "window": 16
  }
 ],
 "zero_phrases": [
  {
   "phrase": "all out of poverty",
   "metric": "rural_poor_population",
   "unit": "people"
  },
  {
   "phrase": "all been lifted out of poverty",
   "metric": "rural_poor_population",
   "unit": "people"
  },
  {
   "phrase": "eliminated absolute poverty",
   "metric": "rural_poor_population",
   "unit": "people"
  },
  {
   "phrase": "no more poor people",
   "metric": "rural_poor_population",
   "unit": "people"
  }
 ],
 "units": {
  "people": "people",
  "person": "people",
  "persons": "people",
  "individuals": "people",
  "residents": "people",
  "villagers": "people",
  "poor": "people",
  "population": "people",
  "inhabitants": "people",
  "farmers": "people",
  "migrant workers": "people",
  "immigrants": "people",
  "migrants": "people",
  "households": "households",
  "household": "households",
  "families": "households",
  "family": "households",
  "counties": "counties",
  "county": "counties",
  "villages": "villages",
  "village": "villages",
  "townships": "townships",
  "towns": "towns",
  "provinces": "provinces",
  "prefectures": "prefectures",
  "cities": "cities",
  "areas": "areas",
  "regions": "regions",
  "countries": "countries",
  "teams": "teams",
  "cadres": "cadres",
  "secretaries": "secretaries",
  "girls": "girls",
  "boys": "boys",
  "teachers": "teachers",
  "teacher": "teachers",
  "student": "students",
  "child": "children",
  "girl": "girls",
  "school": "schools",
  "programs": "programs",
  "programmes": "programs",
  "program": "programs",
  "programme": "programs",
  "doctors": "doctors",
  "volunteers": "volunteers",
  "houses": "houses",
  "homes": "houses",
  "rooms": "rooms",
  "restaurants": "restaurants",
  "schools": "schools",
  "clinics": "clinics",
  "enterprises": "enterprises",
  "companies": "companies",
  "projects": "projects",
  "conferences": "conferences",
  "bowls": "bowls",
  "grades": "grades",
  "sheep": "sheep",
  "cattle": "cattle",
  "yuan": "yuan",
  "rmb": "yuan",
  "renminbi": "yuan",
  "dollars": "usd",
  "usd": "usd",
  "mu": "mu",
  "hectares": "hectares",
  "hectare": "hectares",
  "square meters": "m2",
  "square metres": "m2",
  "square kilometers": "km2",
  "square kilometres": "km2",
  "meters": "m",
  "metres": "m",
  "meter": "m",
  "kilometers": "km",
  "kilometres": "km",
  "kilometer": "km",
  "km": "km",
  "tons": "tonnes",
  "tonnes": "tonnes",
  "kilograms": "kg",
  "kg": "kg",
  "years": "years",
  "year": "years",
  "months": "months",
  "month": "months",
  "days": "days",
  "day": "days",
  "hours": "hours",
  "hour": "hours",
  "weeks": "weeks",
  "watt": "watts",
  "watts": "watts",
  "degrees": "degrees",
  "times": "times",
  "points": "points",
  "chinese": "people",
  "dollar": "usd",
  "us dollars": "usd",
  "us dollar": "usd",
  "u.s. dollars": "usd",
  "u.s. dollar": "usd",
  "euros": "eur",
  "euro": "eur",
  "dwellers": "people",
  "rural dwellers": "people",
  "rural residents": "people",
  "citizens": "people",
  "workers": "workers",
  "students": "students",
  "children": "children",
  "m": "m",
  "cm": "cm",
  "mm": "mm",
  "ha": "hectares",
  "sqm": "m2",
  "kw": "kw",
  "kwh": "kwh"
 },
 "person_nouns": [
  "people",
  "persons",
  "villagers",
  "residents",
  "individuals",
  "poor",
  "farmers",
  "immigrants",
  "migrants",
  "migrant workers",
  "inhabitants",
  "population",
  "chinese",
  "dwellers",
  "rural dwellers",
  "rural residents",
  "citizens"
 ],
 "qualifiers": {
  "nearly": "nearly",
  "almost": "nearly",
  "close to": "nearly",
  "near": "nearly",
  "about": "about",
  "around": "about",
  "approximately": "about",
  "roughly": "about",
  "some": "about",
  "more than": "more than",
  "over": "more than",
  "above": "more than",
  "exceeding": "more than",
  "at least": "at least",
  "up to": "up to",
  "at most": "up to",
  "as many as": "up to",
  "less than": "less than",
  "fewer than": "less than",
  "under": "less than",
  "below": "less than"
 },
 "not_places": [
  "Shanghai United",
  "Shanghai Federation",
  "Qinghai-Tibet Plateau",
  "Xinhua News Agency",
  "Hu Huanyong Line"
 ],
 "place_kinds": {
  "Autonomous Prefecture": "prefecture",
  "Prefecture": "prefecture",
  "County": "county",
  "Banner": "county",
  "District": "county",
  "City": "city",
  "Town": "town",
  "Township": "township",
  "Village": "village",
  "New Village": "village",
  "Autonomous Region": "province",
  "Province": "province"
 },
 "changes_before": {
  "down": "decrease",
  "up": "increase",
  "reduced by": "decrease",
  "decreased by": "decrease",
  "declined by": "decrease",
  "dropped by": "decrease",
  "fell by": "decrease",
  "cut by": "decrease",
  "increased by": "increase",
  "rose by": "increase",
  "grew by": "increase",
  "risen by": "increase",
  "grown by": "increase",
  "a decrease of": "decrease",
  "a drop of": "decrease",
  "a decline of": "decrease",
  "a reduction of": "decrease",
  "an increase of": "increase",
  "a rise of": "increase",
  "a growth of": "increase",
  "surging": "increase",
  "surged": "increase",
  "rising": "increase",
  "falling": "decrease",
  "dropping": "decrease"
 },
 "changes_after_then_than": {
  "less": "decrease",
  "fewer": "decrease",
  "lower": "decrease",
  "higher": "increase",
  "more": "increase"
 }
}
"""#
}
