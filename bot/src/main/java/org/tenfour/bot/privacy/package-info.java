/**
 * Members' data rights: see everything stored about you ({@code mydata}) and erase it ({@code
 * forgetme}).
 */
package org.tenfour.bot.privacy;
