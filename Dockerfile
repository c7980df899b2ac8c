# TenFour container image. Untested here: these machines cannot run Docker.
# Build: docker build -t tenfour .   Run: docker run -e DATABASE_URL=jdbc:postgresql://db:5432/tenfour \
#   -e DATABASE_USER=tenfour -e DATABASE_PASSWORD=... -p 8080:8080 tenfour

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY storage storage
COPY adapters adapters
COPY bot bot
COPY bench bench
RUN ./mvnw -B -ntp -q -DskipTests package -pl bot -am

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app tenfour
WORKDIR /app
COPY --from=build /src/bot/target/tenfour.jar /app/tenfour.jar
USER tenfour
# The image expects an external PostgreSQL (DATABASE_URL); the embedded one is for a single machine.
ENV PORT=8080 TENFOUR_DATA_DIR=/app/data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=30s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${PORT}/healthz" || exit 1
# Small and steady: the serial collector (one service on a few cores), a fixed heap ceiling, small
# thread stacks; idle the bot is about 166 MB proportional set size with these (README, Performance).
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-Xmx160m", "-Xss512k", "-XX:MaxMetaspaceSize=128m", \
    "-XX:ReservedCodeCacheSize=48m", "-jar", "/app/tenfour.jar"]
CMD ["serve"]
