namespace OrderCore.Routing.Geo;

/// <summary>
/// Approximate centroids (WGS 84, degrees, rounded to about 0.1°) of countries and their first-level subdivisions,
/// keyed by ISO 3166-1 / ISO 3166-2 codes with common names as aliases. Good to within a region's size, which is what the
/// <c>nearest</c> strategy needs to rank warehouses; plug a postal-code resolver for finer results.
/// </summary>
internal static class CentroidData
{
    /// <summary>Rows: <c>country|code|name[;alias…]|lat|lon</c>; a row with code <c>*</c> is the country centroid.</summary>
    internal const string Table = """
US|*|United States;USA|39.8|-98.6
US|AL|Alabama|32.8|-86.8
US|AK|Alaska|64.2|-149.5
US|AZ|Arizona|34.3|-111.7
US|AR|Arkansas|34.9|-92.4
US|CA|California|37.2|-119.5
US|CO|Colorado|39.0|-105.5
US|CT|Connecticut|41.6|-72.7
US|DE|Delaware|39.0|-75.5
US|DC|District of Columbia;Washington DC|38.9|-77.0
US|FL|Florida|28.6|-82.4
US|GA|Georgia|32.7|-83.4
US|HI|Hawaii|20.8|-156.3
US|ID|Idaho|44.4|-114.6
US|IL|Illinois|40.0|-89.2
US|IN|Indiana|39.9|-86.3
US|IA|Iowa|42.1|-93.5
US|KS|Kansas|38.5|-98.4
US|KY|Kentucky|37.5|-85.3
US|LA|Louisiana|31.1|-92.0
US|ME|Maine|45.4|-69.2
US|MD|Maryland|39.0|-76.8
US|MA|Massachusetts|42.3|-71.8
US|MI|Michigan|44.3|-85.4
US|MN|Minnesota|46.3|-94.3
US|MS|Mississippi|32.7|-89.7
US|MO|Missouri|38.4|-92.5
US|MT|Montana|47.0|-109.6
US|NE|Nebraska|41.5|-99.8
US|NV|Nevada|39.3|-116.6
US|NH|New Hampshire|43.7|-71.6
US|NJ|New Jersey|40.2|-74.7
US|NM|New Mexico|34.4|-106.1
US|NY|New York|42.9|-75.5
US|NC|North Carolina|35.6|-79.4
US|ND|North Dakota|47.5|-100.5
US|OH|Ohio|40.3|-82.8
US|OK|Oklahoma|35.6|-97.5
US|OR|Oregon|43.9|-120.6
US|PA|Pennsylvania|40.9|-77.8
US|RI|Rhode Island|41.7|-71.5
US|SC|South Carolina|33.9|-80.9
US|SD|South Dakota|44.4|-100.2
US|TN|Tennessee|35.9|-86.4
US|TX|Texas|31.5|-99.3
US|UT|Utah|39.3|-111.7
US|VT|Vermont|44.1|-72.7
US|VA|Virginia|37.5|-78.9
US|WA|Washington|47.4|-120.5
US|WV|West Virginia|38.6|-80.6
US|WI|Wisconsin|44.6|-89.9
US|WY|Wyoming|43.0|-107.6
US|PR|Puerto Rico|18.2|-66.5
CA|*|Canada|56.1|-106.3
CA|AB|Alberta|55.0|-115.0
CA|BC|British Columbia|53.7|-127.6
CA|MB|Manitoba|55.0|-97.0
CA|NB|New Brunswick|46.5|-66.2
CA|NL|Newfoundland and Labrador;Newfoundland|53.1|-57.7
CA|NS|Nova Scotia|45.0|-63.0
CA|NT|Northwest Territories|64.8|-124.8
CA|NU|Nunavut|70.3|-83.1
CA|ON|Ontario|50.0|-85.0
CA|PE|Prince Edward Island|46.4|-63.2
CA|QC|Quebec;Québec|52.9|-73.5
CA|SK|Saskatchewan|55.0|-106.0
CA|YT|Yukon|64.3|-135.0
GB|*|United Kingdom;Great Britain;UK|54.0|-2.5
GB|ENG|England|52.6|-1.5
GB|SCT|Scotland|56.8|-4.2
GB|WLS|Wales;Cymru|52.3|-3.8
GB|NIR|Northern Ireland|54.6|-6.7
DE|*|Germany;Deutschland|51.1|10.4
DE|BW|Baden-Württemberg;Baden-Wurttemberg;Baden-Wuerttemberg|48.7|9.4
DE|BY|Bayern;Bavaria|48.8|11.5
DE|BE|Berlin|52.5|13.4
DE|BB|Brandenburg|52.4|12.5
DE|HB|Bremen|53.1|8.8
DE|HH|Hamburg|53.6|10.0
DE|HE|Hessen;Hesse|50.7|9.2
DE|MV|Mecklenburg-Vorpommern;Mecklenburg-Western Pomerania|53.6|12.4
DE|NI|Niedersachsen;Lower Saxony|52.6|9.9
DE|NW|Nordrhein-Westfalen;North Rhine-Westphalia|51.4|7.7
DE|RP|Rheinland-Pfalz;Rhineland-Palatinate|50.1|7.3
DE|SL|Saarland|49.4|7.0
DE|SN|Sachsen;Saxony|51.1|13.2
DE|ST|Sachsen-Anhalt;Saxony-Anhalt|52.0|11.7
DE|SH|Schleswig-Holstein|54.2|9.7
DE|TH|Thüringen;Thuringen;Thueringen;Thuringia|51.0|11.0
FR|*|France|46.6|2.4
FR|ARA|Auvergne-Rhône-Alpes;Auvergne-Rhone-Alpes|45.5|4.4
FR|BFC|Bourgogne-Franche-Comté;Bourgogne-Franche-Comte|47.3|5.0
FR|BRE|Bretagne;Brittany|48.2|-2.9
FR|CVL|Centre-Val de Loire|47.8|1.7
FR|COR|Corse;Corsica|42.0|9.0
FR|GES|Grand Est|48.7|6.2
FR|HDF|Hauts-de-France|50.5|2.8
FR|IDF|Île-de-France;Ile-de-France|48.7|2.5
FR|NOR|Normandie;Normandy|49.2|0.4
FR|NAQ|Nouvelle-Aquitaine|45.7|0.4
FR|OCC|Occitanie|43.9|2.2
FR|PDL|Pays de la Loire|47.8|-0.3
FR|PAC|Provence-Alpes-Côte d'Azur;Provence-Alpes-Cote d'Azur|43.9|6.1
IN|*|India;Bharat|22.4|79.0
IN|AP|Andhra Pradesh|15.9|79.7
IN|AR|Arunachal Pradesh|28.2|94.7
IN|AS|Assam|26.2|92.9
IN|BR|Bihar|25.1|85.3
IN|CT|Chhattisgarh;Chattisgarh;CG|21.3|81.9
IN|GA|Goa|15.3|74.1
IN|GJ|Gujarat|22.3|71.2
IN|HR|Haryana|29.1|76.1
IN|HP|Himachal Pradesh|31.1|77.2
IN|JH|Jharkhand|23.6|85.3
IN|KA|Karnataka|15.3|75.7
IN|KL|Kerala|10.9|76.3
IN|MP|Madhya Pradesh|23.0|78.7
IN|MH|Maharashtra|19.8|75.7
IN|MN|Manipur|24.7|93.9
IN|ML|Meghalaya|25.5|91.4
IN|MZ|Mizoram|23.2|92.9
IN|NL|Nagaland|26.2|94.6
IN|OR|Odisha;Orissa;OD|20.9|85.1
IN|PB|Punjab|31.1|75.3
IN|RJ|Rajasthan;Rajshthan|27.0|74.2
IN|SK|Sikkim|27.5|88.5
IN|TN|Tamil Nadu|11.1|78.7
IN|TG|Telangana;TS|18.1|79.0
IN|TR|Tripura|23.9|92.0
IN|UP|Uttar Pradesh|26.8|80.9
IN|UT|Uttarakhand;Uttaranchal;UK|30.1|79.0
IN|WB|West Bengal|23.0|87.9
IN|AN|Andaman and Nicobar Islands;Andaman and Nicobar;Andaman & Nicobar|11.7|92.7
IN|CH|Chandigarh|30.7|76.8
IN|DH|Dadra and Nagar Haveli and Daman and Diu;Dadra and Nagar Haveli;Daman and Diu;DN;DD|20.4|72.8
IN|DL|Delhi;New Delhi|28.7|77.2
IN|JK|Jammu and Kashmir;Jammu & Kashmir|33.8|75.1
IN|LA|Ladakh|34.2|77.6
IN|LD|Lakshadweep|10.6|72.6
IN|PY|Puducherry;Pondicherry|11.9|79.8
AU|*|Australia|-25.3|133.8
AU|NSW|New South Wales|-32.2|147.0
AU|VIC|Victoria|-36.9|144.3
AU|QLD|Queensland|-22.5|144.4
AU|WA|Western Australia|-25.3|122.3
AU|SA|South Australia|-30.0|135.8
AU|TAS|Tasmania|-42.0|146.6
AU|ACT|Australian Capital Territory|-35.5|149.0
AU|NT|Northern Territory|-19.4|133.4
""";
}
