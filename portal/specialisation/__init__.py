"""Smart specialisation: each cluster's location-quotient profile, the focus areas its members propose and
endorse (managers publish), and how an alliance's clusters complement each other."""
