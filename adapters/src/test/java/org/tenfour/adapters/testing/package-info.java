/** Test helpers shared through the adapters' test jar with the product's tests. */
package org.tenfour.adapters.testing;
