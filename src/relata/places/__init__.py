"""Places: an offline gazetteer of countries, first-level regions and towns by their Russian
names, resolved from lemmas (`["житомирский", "область"]`) or a nominative string.

    from relata.places import lookup, lookup_text
    lookup(["киев"])            # Place(name='Киев', kind='city', country='UKR', ...)
    lookup_text("Румыния")      # Place(name='Румыния', kind='country', country='ROU', ...)
    place_of_adjective("бакинский")  # Place(name='Баку', kind='city', country='AZE', ...)

The data (data/places.csv) comes from GeoNames (CC BY 4.0) and Unicode CLDR; see
data/LICENSE.txt and scripts/build_gazetteer.py.
"""

from .gazetteer import (
                        Gazetteer,
                        Place,
                        default_gazetteer,
                        divisions,
                        lookup,
                        lookup_span,
                        lookup_text,
                        place_of_adjective,
)

__all__ = ["Gazetteer", "Place", "default_gazetteer", "divisions", "lookup", "lookup_span",
           "lookup_text", "place_of_adjective"]
