//! Place names, geocoded with an embedded gazetteer.
